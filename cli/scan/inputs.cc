#include "cli/scan/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

namespace ccspm::cli::scan {
namespace {

namespace fs = std::filesystem;

void Walk(const fs::path& folder, ExpandedInputs* inputs) {
  std::vector<fs::path> found;
  std::vector<std::string> links;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    std::error_code kind_error;
    // Checked first: is_directory and is_regular_file look through links. Only links a walk
    // would otherwise have read are listed.
    if (it->is_symlink(kind_error)) {
      const bool wanted = IsManifestFileName(name) || it->is_directory(kind_error);
      if (wanted && !name.starts_with(".")) links.push_back(path.string());
      continue;
    }
    if (it->is_directory(kind_error)) {
      if (name.starts_with(".")) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(kind_error) && IsManifestFileName(name)) found.push_back(path);
  }
  if (error) {
    inputs->errors.push_back({folder.string(), {}, "cannot list folder: " + error.message()});
  } else if (found.empty()) {
    inputs->errors.push_back({folder.string(), {}, "no manifests found in " + folder.string()});
  }

  std::sort(found.begin(), found.end());
  std::sort(links.begin(), links.end());
  for (const fs::path& path : found) inputs->files.push_back({path.string(), path.string()});
  inputs->skipped_links.insert(inputs->skipped_links.end(), links.begin(), links.end());
}

}  // namespace

bool IsSymbolicLink(const std::string& path) {
  std::error_code error;
  return fs::is_symlink(fs::symlink_status(path, error));
}

bool IsManifestFileName(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json");
}

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths) {
  ExpandedInputs inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.files.push_back({"-", kStdinName});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      inputs.errors.push_back({path, {}, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      Walk(path, &inputs);
    } else {
      inputs.files.push_back({path, path});
    }
  }

  // The same file named twice (a file and its folder, say) is read once.
  std::set<std::string> seen;
  std::erase_if(inputs.files, [&](const InputFile& file) {
    std::error_code error;
    const fs::path canonical =
        file.path == "-" ? fs::path("-") : fs::weakly_canonical(file.path, error);
    return !seen.insert(error ? file.path : canonical.string()).second;
  });
  return inputs;
}

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) return NotFoundError(std::string("cannot read: ") + std::strerror(errno));

  std::string text;
  char buffer[1 << 16];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    text.append(buffer, read);
    if (text.size() > max_bytes) break;
  }
  const bool failed = std::ferror(file) != 0;
  const int read_errno = errno;
  if (file != stdin) std::fclose(file);

  if (failed) return UnavailableError(std::string("cannot read: ") + std::strerror(read_errno));
  if (text.size() > max_bytes) {
    return Status(ErrorKind::kTooLarge,
                  "file is larger than " + std::to_string(max_bytes >> 20) + " MiB");
  }
  return text;
}

}  // namespace ccspm::cli::scan
