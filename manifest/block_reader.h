// A fast reader for the block-YAML subset that Kubernetes manifests are written in, feeding the
// same DocumentBuilder events, with the same text, styles and places, as libyaml's parser does.
//
// The subset: block maps and lists nested by spaces, "- " items, plain scalars (also over
// several lines), single- and double-quoted scalars on one line, "|" and ">" block scalars with
// a chomping indicator, comments, one "---" and "..." marker, empty values, the empty flow
// collections "[]" and "{}", and flow lists of scalars on one line ("[a, 'b', \"c\"]").
// Anything else (anchors, aliases, tags, "?" keys, other flow collections, flow lists over
// several lines or holding collections, tabs, carriage returns, directives, text libyaml would
// refuse, and every error,
// the builder's included) makes it give up on the whole chunk, which libyaml then reads: what
// it cannot read exactly as libyaml does, it does not read.
#pragma once

#include <optional>
#include <string_view>

#include "manifest/document_reader.h"
#include "manifest/document_split.h"
#include "manifest/limits.h"

namespace ccspm::manifest {

// The documents of `chunk` of `text`, or nullopt when the chunk is outside the subset or not
// read without error. A value returned is what ReadDocumentsWithLibyaml returns for the chunk.
std::optional<ReadOutcome> ReadBlockDocuments(std::string_view text, const Chunk& chunk,
                                              const Limits& limits);

}  // namespace ccspm::manifest
