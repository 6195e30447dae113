#include "cli/scan/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace ccspm::cli::scan {
namespace {

Status Failed(const std::string& what, const std::string& path) {
  return UnavailableError("cannot " + what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  struct stat old {};
  if (::lstat(target.c_str(), &old) != 0) return Failed("stat", path);
  if (S_ISLNK(old.st_mode)) return InvalidError(path + " is a symbolic link: not replaced");
  if (!S_ISREG(old.st_mode)) return InvalidError(path + " is not a regular file: not replaced");

  std::string temp = (target.parent_path() / ("." + target.filename().string() + ".ccspm-XXXXXX"));
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Failed("create a temporary file beside", path);

  Status status;
  for (size_t written = 0; written < content.size() && status.ok();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status = Failed("write", temp);
    } else {
      written += static_cast<size_t>(n);
    }
  }
  if (status.ok() && ::fchmod(fd, old.st_mode & 07777) != 0) status = Failed("chmod", temp);
  if (status.ok() && ::fsync(fd) != 0) status = Failed("sync", temp);
  if (::close(fd) != 0 && status.ok()) status = Failed("close", temp);
  if (status.ok() && ::rename(temp.c_str(), target.c_str()) != 0) status = Failed("rename", temp);

  if (!status.ok()) ::unlink(temp.c_str());
  return status;
}

}  // namespace ccspm::cli::scan
