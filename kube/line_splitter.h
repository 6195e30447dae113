// Turns a byte stream that arrives in arbitrary chunks into whole lines (watch streams).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kube/transport.h"

namespace ccspm::kube {

// Not thread-safe: one splitter per stream.
class LineSplitter {
 public:
  // A line longer than `max_line_bytes` ends the stream with overflowed() set, so a broken or
  // hostile server cannot make the client buffer without bound.
  explicit LineSplitter(size_t max_line_bytes) : max_line_bytes_(max_line_bytes) {}

  // Feeds one chunk; calls `on_line` for each line it completes. Empty lines are skipped and a
  // trailing '\r' is removed. Returns false once `on_line` returned false or a line overflowed.
  bool Feed(std::string_view chunk, const LineHandler& on_line);

  // Delivers a last line that had no line ending. Returns what `on_line` returned (true if none).
  bool Finish(const LineHandler& on_line);

  bool overflowed() const { return overflowed_; }

 private:
  bool Deliver(std::string_view line, const LineHandler& on_line);

  size_t max_line_bytes_;
  std::string partial_;  // Bytes of a line whose end has not arrived yet.
  bool overflowed_ = false;
  bool stopped_ = false;
};

}  // namespace ccspm::kube
