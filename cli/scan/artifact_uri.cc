#include "cli/scan/artifact_uri.h"

#include <cstdio>

namespace ccspm::cli::scan {
namespace {

std::string Encode(std::string_view path) {
  std::string uri;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                      c == '~' || c == '/';
    if (keep) {
      uri += c;
      continue;
    }
    char escaped[4];
    std::snprintf(escaped, sizeof(escaped), "%%%02X", byte);
    uri += escaped;
  }
  return uri;
}

}  // namespace

std::string ArtifactUri(std::string_view file, std::string_view cwd) {
  while (file.starts_with("./")) file.remove_prefix(2);
  if (!file.starts_with('/')) return Encode(file);

  std::string prefix(cwd);
  if (!prefix.ends_with('/')) prefix += '/';
  if (file.starts_with(prefix)) return Encode(file.substr(prefix.size()));
  return "file://" + Encode(file);
}

}  // namespace ccspm::cli::scan
