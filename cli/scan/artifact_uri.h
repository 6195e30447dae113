// File names as SARIF artifact URIs: relative references for files under the working folder
// (code-scanning UIs resolve them against the repository root), file:// URIs otherwise.
#pragma once

#include <string>
#include <string_view>

namespace ccspm::cli::scan {

// `file` as shown in reports to a URI reference; `cwd` is the absolute working folder.
// Bytes other than unreserved characters and '/' are percent-encoded.
std::string ArtifactUri(std::string_view file, std::string_view cwd);

}  // namespace ccspm::cli::scan
