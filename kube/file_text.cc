#include "kube/file_text.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ccspm::kube {

Result<std::string> ReadFileText(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int error = errno;
    std::string message = "cannot read " + path + ": " + std::strerror(error);
    if (error == ENOENT) return NotFoundError(message);
    return UnavailableError(message);
  }

  std::string text;
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return Status(ErrorKind::kTooLarge,
                    path + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
  if (in.bad()) return UnavailableError("cannot read " + path);
  return text;
}

std::string ResolvePath(const std::string& base_dir, const std::string& path) {
  if (path.empty() || path.front() == '/' || base_dir.empty()) return path;
  return base_dir + "/" + path;
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string Trimmed(std::string text) {
  const char* kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

}  // namespace ccspm::kube
