// libFuzzer target for the CEL engine: the input is split at the first NUL into an expression
// and a JSON document bound as `object`. Every input must compile or fail with a status, and
// every compiled program must evaluate to a value or an error, within the cost budget: never a
// crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/json.h"
#include "engine/cel/cel.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\0');
  const std::string_view expression = input.substr(0, split);
  const std::string_view json =
      split == std::string_view::npos ? std::string_view("{}") : input.substr(split + 1);

  ccspm::cel::Environment env = ccspm::cel::Environment::Kubernetes();
  env.SetCostLimit(100'000);
  ccspm::Result<ccspm::cel::Program> program = ccspm::cel::Compile(expression, env);
  if (!program.ok()) return 0;

  ccspm::Result<ccspm::JsonDocument> object = ccspm::ParseJson(json, 64);
  ccspm::cel::Activation activation(env);
  if (object.ok()) (void)activation.BindJson("object", &*object);

  ccspm::cel::CostBudget budget{.limit = 1'000'000};
  ccspm::Result<ccspm::cel::Value> value = ccspm::cel::Evaluate(*program, activation, &budget);
  if (value.ok()) (void)ccspm::cel::ToJsonText(*value);
  return 0;
}
