#include "checks/dependency_graph.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(DependencyGraph, FindsNoCycleInADag) {
  const std::vector<DependencyEdge> edges = {{0, 1}, {1, 2}, {0, 2}, {3, 2}};
  EXPECT_TRUE(find_dependency_cycle(4, edges).empty());
  EXPECT_TRUE(find_dependency_cycle(0, {}).empty());
}

TEST(DependencyGraph, ReportsTheCycleInEdgeOrder) {
  const std::vector<DependencyEdge> edges = {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {4, 0}};
  EXPECT_EQ(find_dependency_cycle(5, edges), (std::vector<uint32_t>{1, 2, 3}));
}

TEST(DependencyGraph, ReportsASelfLoop) {
  EXPECT_EQ(find_dependency_cycle(3, {{0, 1}, {2, 2}}), std::vector<uint32_t>{2});
}

TEST(DependencyGraph, HandlesALongChainWithoutRecursion) {
  constexpr uint32_t kOps = 200'000;
  std::vector<DependencyEdge> edges;
  for (uint32_t i = 0; i + 1 < kOps; ++i) edges.push_back({i, i + 1});
  EXPECT_TRUE(find_dependency_cycle(kOps, edges).empty());
  edges.push_back({kOps - 1, 0});
  EXPECT_EQ(find_dependency_cycle(kOps, edges).size(), kOps);
}

}  // namespace
}  // namespace dt
