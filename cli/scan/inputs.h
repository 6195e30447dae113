// The manifest files a command reads: paths as given, folders walked, standard input.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "cli/scan/scan_result.h"

namespace ccspm::cli::scan {

inline constexpr const char* kStdinName = "stdin";

struct InputFile {
  std::string path;     // "-" for standard input.
  std::string display;  // What reports call it.
};

struct ExpandedInputs {
  std::vector<InputFile> files;
  std::vector<InputError> errors;  // Paths that do not exist or cannot be listed.
};

// Files are taken as given, whatever their extension; folders are walked recursively for
// .yaml, .yml and .json files in name order, skipping folders whose name starts with '.'
// (.git and the like); "-" is standard input. A file reached twice is read once.
ExpandedInputs ExpandInputs(const std::vector<std::string>& paths);

// Reads a whole file (or standard input for "-"); refuses more than `max_bytes`.
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

// True for the extensions read from folders.
bool IsManifestFileName(const std::string& name);

}  // namespace ccspm::cli::scan
