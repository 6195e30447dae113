#include "cli/zoneinfo_provider.h"

#include <fstream>
#include <sstream>

namespace ccspm::cli {

std::optional<int32_t> ZoneinfoProvider::OffsetAt(std::string_view name,
                                                  int64_t unix_seconds) const {
  // Zone names are paths under the directory; refuse anything that could leave it.
  if (name.empty() || name.find("..") != std::string_view::npos || name[0] == '/') {
    return std::nullopt;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = zones_.find(name);
  if (it == zones_.end()) {
    std::ifstream file(directory_ + "/" + std::string(name), std::ios::binary);
    std::optional<cel::TzifZone> zone;
    if (file) {
      std::stringstream data;
      data << file.rdbuf();
      Result<cel::TzifZone> parsed = cel::TzifZone::Parse(data.str());
      if (parsed.ok()) zone = std::move(*parsed);
    }
    it = zones_.emplace(std::string(name), std::move(zone)).first;
  }
  if (!it->second) return std::nullopt;
  return it->second->OffsetAt(unix_seconds);
}

}  // namespace ccspm::cli
