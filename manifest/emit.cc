#include "manifest/emit.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <yaml-cpp/emitter.h>

#include "manifest/document_reader.h"
#include "manifest/plain_scalar.h"

namespace ccspm::manifest {
namespace {

void EmitString(YAML::Emitter& out, std::string_view text) {
  if (text.find('\n') != std::string_view::npos) {
    out << YAML::Literal;
  } else if (NeedsQuotes(text)) {
    out << YAML::DoubleQuoted;
  }
  out << std::string(text);
}

// Shortest text that reads back as the same double.
std::string NumberText(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Recursion is bounded: values come from documents the reader limited to Limits::max_depth.
void Emit(YAML::Emitter& out, const JsonValue& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      out << YAML::Null;
      return;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      out << value.GetBool();
      return;
    case rapidjson::kStringType:
      EmitString(out, AsStringView(value));
      return;
    case rapidjson::kNumberType:
      if (value.IsInt64()) {
        out << value.GetInt64();
      } else if (value.IsUint64()) {
        out << value.GetUint64();
      } else {
        out << NumberText(value);
      }
      return;
    case rapidjson::kObjectType:
      if (value.MemberCount() == 0) out << YAML::Flow;
      out << YAML::BeginMap;
      for (auto member = value.MemberBegin(); member != value.MemberEnd(); ++member) {
        out << YAML::Key;
        EmitString(out, AsStringView(member->name));
        out << YAML::Value;
        Emit(out, member->value);
      }
      out << YAML::EndMap;
      return;
    case rapidjson::kArrayType:
      if (value.Empty()) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const JsonValue& item : value.GetArray()) Emit(out, item);
      out << YAML::EndSeq;
      return;
  }
}

std::string JsonText(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

bool ReadsBackAs(const std::string& text, const JsonValue& value) {
  const Chunk whole{0, text.size(), 1};
  ReadOutcome outcome = ReadDocuments(text, whole, Limits());
  return outcome.ok && outcome.documents.size() == 1 &&
         static_cast<const JsonValue&>(outcome.documents[0]->json) == value;
}

}  // namespace

Result<std::string> EmitDocument(const JsonValue& value, EmitStyle style) {
  if (style == EmitStyle::kYaml) {
    YAML::Emitter out;
    out.SetIndent(2);
    Emit(out, value);
    if (out.good()) {
      std::string text = std::string(out.c_str(), out.size()) + "\n";
      if (ReadsBackAs(text, value)) return text;
    }
  }

  std::string json = JsonText(value);
  if (ReadsBackAs(json, value)) return json;
  return InternalError("the fixed document does not read back as itself");
}

}  // namespace ccspm::manifest
