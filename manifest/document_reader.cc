#include "manifest/document_reader.h"

#include <yaml.h>

#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

#include "manifest/block_reader.h"
#include "manifest/mark_map.h"
#include "manifest/text_check.h"

namespace ccspm::manifest {
namespace {

// Whether ReadDocuments tries the block reader (manifest/block_reader.h) before libyaml.
constexpr bool kBlockReader = true;

std::string_view View(const yaml_char_t* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

// Owns a libyaml parser reading `input`, which must outlive it.
class Parser {
 public:
  explicit Parser(std::string_view input) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(input.data()),
                                 input.size());
  }
  ~Parser() { yaml_parser_delete(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_;
};

// Owns one event; libyaml allocates its strings.
class Event {
 public:
  Event() = default;
  ~Event() { yaml_event_delete(&event_); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  yaml_event_t* get() { return &event_; }

 private:
  yaml_event_t event_{};
};

std::string LineAndColumn(std::string_view text, TextPosition where) {
  return "line " + std::to_string(where.line) + " column " +
         std::to_string(CharacterColumn(text, where.offset));
}

// The kinds of the collections open where the parser is, innermost last.
enum class Open : unsigned char { kBlock, kFlowSequence, kFlowMap };

// libyaml's error as a sentence with a place, e.g. "did not find expected ',' or ']' (while
// parsing a flow sequence that started at line 9 column 9)".
void ParserError(std::string_view text, const yaml_parser_t& parser, const std::vector<Open>& open,
                 MarkMap& marks, ReadOutcome* outcome) {
  outcome->ok = false;
  const std::string problem(parser.problem == nullptr ? "cannot read YAML" : parser.problem);
  switch (parser.error) {
    case YAML_MEMORY_ERROR:
      outcome->error_at = marks.AtByte(0);
      outcome->error = "out of memory while reading YAML";
      return;
    case YAML_READER_ERROR: {
      outcome->error_at = marks.AtByte(parser.problem_offset);
      outcome->error = problem;
      if (parser.problem_value >= 0) {
        char value[16];
        std::snprintf(value, sizeof(value), "U+%04X", parser.problem_value);
        outcome->error += std::string(" (") + value + ")";
      }
      return;
    }
    default:
      break;
  }

  outcome->error_at =
      marks.At(parser.problem_mark.index, parser.problem_mark.line, parser.problem_mark.column);
  // A "[" or "{" still open at the end of the document: libyaml names the token it expected
  // next, which reads poorly for the common mistake; say what is missing instead.
  if (!open.empty() && open.back() != Open::kBlock && outcome->error_at.offset == marks.end()) {
    outcome->error = open.back() == Open::kFlowSequence ? "end of sequence flow not found"
                                                        : "end of map flow not found";
    return;
  }

  outcome->error = problem;
  if (parser.context == nullptr) return;
  outcome->error += std::string(" (") + parser.context;
  const TextPosition started =
      marks.At(parser.context_mark.index, parser.context_mark.line, parser.context_mark.column);
  if (started.offset != outcome->error_at.offset) {
    outcome->error += " that started at " + LineAndColumn(text, started);
  }
  outcome->error += ")";
}

// Feeds one event to `builder`; false when the builder refuses it.
bool Feed(const yaml_event_t& event, MarkMap& marks, DocumentBuilder& builder,
          std::vector<Open>* open, ReadOutcome* outcome) {
  const auto where = [&] {
    return marks.At(event.start_mark.index, event.start_mark.line, event.start_mark.column);
  };
  switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
      builder.StartDocument(where());
      return true;
    case YAML_DOCUMENT_END_EVENT:
      if (std::unique_ptr<ParsedDocument> document = builder.EndDocument()) {
        outcome->documents.push_back(std::move(document));
      }
      return true;
    case YAML_SCALAR_EVENT: {
      const auto& scalar = event.data.scalar;
      ScalarEvent read;
      read.where = where();
      read.value = std::string_view(reinterpret_cast<const char*>(scalar.value), scalar.length);
      read.plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
      read.tag = View(scalar.tag);
      read.anchor = View(scalar.anchor);
      return builder.Scalar(read);
    }
    case YAML_ALIAS_EVENT:
      return builder.Alias(where(), View(event.data.alias.anchor));
    case YAML_SEQUENCE_START_EVENT: {
      const auto& sequence = event.data.sequence_start;
      const bool flow = sequence.style == YAML_FLOW_SEQUENCE_STYLE;
      open->push_back(flow ? Open::kFlowSequence : Open::kBlock);
      return builder.StartCollection(where(), false, View(sequence.anchor));
    }
    case YAML_MAPPING_START_EVENT: {
      const auto& mapping = event.data.mapping_start;
      open->push_back(mapping.style == YAML_FLOW_MAPPING_STYLE ? Open::kFlowMap : Open::kBlock);
      return builder.StartCollection(where(), true, View(mapping.anchor));
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      open->pop_back();
      return builder.EndCollection();
    default:
      return true;
  }
}

}  // namespace

ReadOutcome ReadDocuments(std::string_view text, const Chunk& chunk, const Limits& limits) {
  if (kBlockReader) {
    if (std::optional<ReadOutcome> outcome = ReadBlockDocuments(text, chunk, limits)) {
      return std::move(*outcome);
    }
  }
  return ReadDocumentsWithLibyaml(text, chunk, limits);
}

ReadOutcome ReadDocumentsWithLibyaml(std::string_view text, const Chunk& chunk,
                                     const Limits& limits) {
  ReadOutcome outcome;
  Parser parser(text.substr(chunk.offset, chunk.size));
  MarkMap marks(text, chunk);
  DocumentBuilder builder(text, limits);
  std::vector<Open> open;

  for (;;) {
    Event event;
    if (!yaml_parser_parse(parser.get(), event.get())) {
      ParserError(text, *parser.get(), open, marks, &outcome);
      return outcome;
    }
    if (!Feed(*event.get(), marks, builder, &open, &outcome)) {
      outcome.ok = false;
      outcome.error_at = builder.error_at();
      outcome.error = builder.error();
      return outcome;
    }
    if (event.get()->type == YAML_STREAM_END_EVENT) return outcome;
  }
}

}  // namespace ccspm::manifest
