// The write/read dependency graph of a history: nodes are client ops; edges
// go from a write to each read that returned its version, from a read to the
// same process's next write whose context came from it, and from a write to
// each write whose context covers its dot. A cycle means some op depends on
// its own future. Built with Boost.Graph; cycles found by a depth-first search.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "checks/history_index.h"
#include "checks/write_facts.h"

namespace dt {

enum class DependencyEdgeKind : uint8_t { write_read, read_write, write_write };

struct DependencyEdge {
  uint32_t from = 0;  // op numbers (HistoryIndex::ops positions)
  uint32_t to = 0;
  DependencyEdgeKind kind = DependencyEdgeKind::write_read;
};

std::vector<DependencyEdge> dependency_edges(const HistoryIndex& index, const WriteFacts& facts);

// The ops of one cycle in edge order (first op repeated nowhere), or empty when
// the graph is acyclic.
std::vector<uint32_t> find_dependency_cycle(size_t op_count,
                                            const std::vector<DependencyEdge>& edges);

}  // namespace dt
