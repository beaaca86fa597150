#include "checks/strong_components.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

CsrGraph graph_of(const std::vector<std::vector<uint32_t>>& out_edges) {
  CsrGraph graph;
  for (const std::vector<uint32_t>& targets : out_edges) {
    graph.targets.insert(graph.targets.end(), targets.begin(), targets.end());
    graph.offsets.push_back(static_cast<uint32_t>(graph.targets.size()));
  }
  return graph;
}

TEST(StrongComponents, GroupsCyclesAndNumbersSinksFirst) {
  // 0 -> 1 -> 2 -> 1, 2 -> 3, 4 alone, 3 -> 3 (a self loop).
  const StrongComponents c = strong_components(graph_of({{1}, {2}, {1, 3}, {3}, {}}));
  EXPECT_EQ(c.count, 4u);
  EXPECT_EQ(c.component_of[1], c.component_of[2]);
  EXPECT_LT(c.component_of[3], c.component_of[2]);
  EXPECT_LT(c.component_of[1], c.component_of[0]);
  EXPECT_NE(c.component_of[4], c.component_of[0]);
}

TEST(StrongComponents, ALongChainNeedsNoRecursion) {
  std::vector<std::vector<uint32_t>> edges(1'000'000);
  for (uint32_t u = 0; u + 1 < edges.size(); ++u) edges[u] = {u + 1};
  edges.back() = {0};  // one cycle through every node
  const StrongComponents c = strong_components(graph_of(edges));
  EXPECT_EQ(c.count, 1u);
}

TEST(StrongComponents, EmptyGraph) { EXPECT_EQ(strong_components(CsrGraph{}).count, 0u); }

}  // namespace
}  // namespace dt
