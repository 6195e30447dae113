// Bounds on what one manifest may cost to read. Input comes from users and repositories, so
// every dimension that could grow without bound has one.
#pragma once

#include <cstddef>

namespace ccspm::manifest {

struct Limits {
  // Larger files are refused before parsing. Kubernetes stores objects of at most 1.5 MiB,
  // but Lists and multi-document files of CRDs are legitimately a few MiB.
  size_t max_file_bytes = 32u << 20;
  // Maps and lists nested deeper than this are refused. libyaml has no bound of its own (its
  // stacks grow with the nesting), so this one is checked as each map and list opens.
  int max_depth = 128;
  // Nodes that aliases of one document may add when expanded, so "billion laughs" documents
  // (anchors that each alias the previous one ten times) are refused instead of exhausting
  // memory.
  size_t max_alias_nodes = 1'000'000;
};

}  // namespace ccspm::manifest
