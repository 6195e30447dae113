// The encoders library: base64.encode(bytes) and base64.decode(string).
#include "base/base64.h"
#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

Value Encode(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  return Value::String(::ccspm::Base64Encode(args[0].text()));
}

Value Decode(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  Result<std::string> decoded = ::ccspm::Base64Decode(args[0].text());
  if (!decoded.ok()) return Value::Error(decoded.status().message());
  return Value::Bytes(std::move(decoded).value());
}

}  // namespace

void RegisterExtEncoders(FunctionRegistry& r) {
  r.Add("base64.encode", {Kind::kBytes}, false, Encode);
  r.Add("base64.decode", {Kind::kString}, false, Decode);
}

}  // namespace ccspm::cel
