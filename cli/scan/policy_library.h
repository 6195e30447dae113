// The built-in policy library: the YAML files of policies/library/, embedded into the binary
// when it is built (policies/library/embed.cmake), so no source tree is needed at run time.
#pragma once

#include <span>
#include <string_view>

namespace ccspm::cli::scan {

struct LibraryFile {
  std::string_view name;  // The file name without ".yaml": what --policy takes.
  std::string_view text;  // The file's bytes.
};

// Every built-in file, in name order. The data is static and immutable.
std::span<const LibraryFile> PolicyLibrary();

}  // namespace ccspm::cli::scan
