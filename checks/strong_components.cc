#include "checks/strong_components.h"

#include <algorithm>
#include <limits>

#include "core/assert.h"

namespace dt {

namespace {

constexpr uint32_t kUnvisited = std::numeric_limits<uint32_t>::max();

struct Frame {
  uint32_t node = 0;
  uint32_t next_edge = 0;  // position in targets
};

}  // namespace

StrongComponents strong_components(const CsrGraph& graph) {
  const uint32_t n = graph.node_count();
  DT_ASSERT(graph.offsets.back() == graph.targets.size(), "offsets end at the edge count");
  StrongComponents out;
  out.component_of.assign(n, kUnvisited);
  std::vector<uint32_t> order(n, kUnvisited);  // discovery number
  std::vector<uint32_t> low(n, 0);
  std::vector<uint32_t> stack;  // Tarjan's stack of open nodes
  std::vector<Frame> calls;     // the explicit recursion
  uint32_t discovered = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (order[root] != kUnvisited) continue;
    calls.push_back({root, graph.offsets[root]});
    order[root] = low[root] = discovered++;
    stack.push_back(root);
    while (!calls.empty()) {
      Frame& frame = calls.back();
      const uint32_t u = frame.node;
      if (frame.next_edge < graph.offsets[u + 1]) {
        const uint32_t v = graph.targets[frame.next_edge++];
        DT_ASSERT(v < n, "edge to a node out of range");
        if (order[v] == kUnvisited) {
          order[v] = low[v] = discovered++;
          stack.push_back(v);
          calls.push_back({v, graph.offsets[v]});  // invalidates `frame`
        } else if (out.component_of[v] == kUnvisited) {
          low[u] = std::min(low[u], order[v]);  // v is open: on the stack
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) {
        const uint32_t parent = calls.back().node;
        low[parent] = std::min(low[parent], low[u]);
      }
      if (low[u] != order[u]) continue;
      uint32_t member = kUnvisited;
      do {
        member = stack.back();
        stack.pop_back();
        out.component_of[member] = out.count;
      } while (member != u);
      ++out.count;
    }
  }
  DT_ASSERT(stack.empty(), "open nodes left after the search");
  DT_ASSERT(out.count <= n, "more components than nodes");
  return out;
}

}  // namespace dt
