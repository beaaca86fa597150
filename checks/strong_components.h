// Strongly connected components of a directed graph in compressed sparse row
// form, by an iterative Tarjan search (no recursion: graphs reach millions of
// nodes). Supersession uses it to close version contexts over cycles.
#pragma once

#include <cstdint>
#include <vector>

namespace dt {

// Node u's out-edges are targets[offsets[u] .. offsets[u + 1]).
struct CsrGraph {
  std::vector<uint32_t> offsets{0};  // node count + 1 entries, non-decreasing
  std::vector<uint32_t> targets;
  uint32_t node_count() const { return static_cast<uint32_t>(offsets.size() - 1); }
};

struct StrongComponents {
  // Component of each node. Numbered in reverse topological order: for every
  // edge u -> v, component_of[v] <= component_of[u].
  std::vector<uint32_t> component_of;
  uint32_t count = 0;
};

StrongComponents strong_components(const CsrGraph& graph);

}  // namespace dt
