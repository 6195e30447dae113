// The encoders library: base64.encode(bytes) and base64.decode(string).
#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

Value Encode(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  return Value::String(Base64Encode(args[0].text()));
}

Value Decode(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  std::string decoded;
  if (!Base64Decode(args[0].text(), &decoded)) return Value::Error("invalid base64 data");
  return Value::Bytes(std::move(decoded));
}

}  // namespace

void RegisterExtEncoders(FunctionRegistry& r) {
  r.Add("base64.encode", {Kind::kBytes}, false, Encode);
  r.Add("base64.decode", {Kind::kString}, false, Decode);
}

}  // namespace ccspm::cel
