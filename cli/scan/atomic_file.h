// Replacing a file so that readers see the old content or the new one, never a part.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace ccspm::cli::scan {

// Writes `content` to a temporary file beside `path`, with the old file's permission bits,
// flushes it to disk and renames it over the old file. On failure the old file is untouched and
// the temporary file removed. Refuses a `path` that is a symbolic link (or not a regular file):
// the rename would replace the link itself, and the caller decides whether a link's target may
// be written.
Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace ccspm::cli::scan
