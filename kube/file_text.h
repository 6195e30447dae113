// Reading small local files (kubeconfigs, service account secrets) as values.
#pragma once

#include <string>

#include "base/status.h"

namespace ccspm::kube {

// Whole contents of `path`. A missing file is kNotFound, other failures kUnavailable; a file
// over `max_bytes` is kTooLarge, since these files are always small.
Result<std::string> ReadFileText(const std::string& path, size_t max_bytes = 4 << 20);

// `path` unchanged when absolute or when `base_dir` is empty, else `base_dir`/`path`.
std::string ResolvePath(const std::string& base_dir, const std::string& path);

// The folder that holds `path`: "/a/b" for "/a/b/c", "." for "c".
std::string DirectoryOf(const std::string& path);

// Removes leading and trailing whitespace (token files often end with a newline).
std::string Trimmed(std::string text);

}  // namespace ccspm::kube
