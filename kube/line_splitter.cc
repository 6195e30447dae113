#include "kube/line_splitter.h"

namespace ccspm::kube {

bool LineSplitter::Feed(std::string_view chunk, const LineHandler& on_line) {
  if (stopped_) return false;

  while (!chunk.empty()) {
    size_t newline = chunk.find('\n');
    if (newline == std::string_view::npos) {
      if (partial_.size() + chunk.size() > max_line_bytes_) {
        overflowed_ = stopped_ = true;
        return false;
      }
      partial_.append(chunk);
      return true;
    }

    // Most lines arrive whole, so only copy when a previous chunk left a fragment.
    std::string_view piece = chunk.substr(0, newline);
    chunk.remove_prefix(newline + 1);
    if (partial_.empty()) {
      if (!Deliver(piece, on_line)) return false;
      continue;
    }
    partial_.append(piece);
    std::string line = std::move(partial_);
    partial_.clear();
    if (!Deliver(line, on_line)) return false;
  }
  return true;
}

bool LineSplitter::Finish(const LineHandler& on_line) {
  if (stopped_ || partial_.empty()) return !stopped_;
  std::string line = std::move(partial_);
  partial_.clear();
  return Deliver(line, on_line);
}

bool LineSplitter::Deliver(std::string_view line, const LineHandler& on_line) {
  if (line.size() > max_line_bytes_) {
    overflowed_ = stopped_ = true;
    return false;
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return true;
  if (!on_line(line)) stopped_ = true;
  return !stopped_;
}

}  // namespace ccspm::kube
