// Small helpers shared by the function libraries.
#pragma once

#include <charconv>
#include <string>
#include <string_view>

#include "engine/cel/function_registry.h"
#include "engine/cel/value.h"

namespace ccspm::cel {

// Shortest text that reads back as the same double ("1.5", "1e+100", "NaN", "+Inf").
std::string FormatDouble(double value);


// Adds a cost proportional to `bytes` walked (one unit per 10 bytes, rounded up), as the API
// server's string functions do.
inline void AddTextCost(CallContext& context, size_t bytes) {
  if (context.cost != nullptr) context.cost->Add((bytes + 9) / 10);
}

}  // namespace ccspm::cel
