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
  // Paths that do not exist, folders that cannot be listed, and folders that hold no manifest
  // file at all (almost always a mistake in a pipeline, so never a silent pass).
  std::vector<InputError> errors;
  // Symbolic links met while walking folders, which are not followed.
  std::vector<std::string> skipped_links;
};

// Files are taken as given, whatever their extension; folders are walked recursively for
// .yaml, .yml and .json files in name order, skipping folders whose name starts with '.'
// (.git and the like); "-" is standard input. A file reached twice is read once.
// Symbolic links inside a walked folder, to files or folders, are skipped and listed, so a walk
// never leaves the folder it was given; a path named explicitly may be a link.
ExpandedInputs ExpandInputs(const std::vector<std::string>& paths);

// Whether `path` itself (not its target) is a symbolic link.
bool IsSymbolicLink(const std::string& path);

// Reads a whole file (or standard input for "-"); refuses more than `max_bytes`.
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

// True for the extensions read from folders.
bool IsManifestFileName(const std::string& name);

}  // namespace ccspm::cli::scan
