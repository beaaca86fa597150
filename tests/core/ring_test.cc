// Placement: partitions are balanced over nodes and stable for a config.
#include "core/ring.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace dt {
namespace {

TEST(Ring, OwnersAreBalanced) {
  Config c;
  c.nodes = 5;
  c.partitions_q = 32;
  const auto owners = partition_owners(c);
  ASSERT_EQ(owners.size(), 32u);
  std::map<NodeId, int> count;
  for (NodeId n : owners) ++count[n];
  ASSERT_EQ(count.size(), 5u);
  for (const auto& [node, k] : count) {
    EXPECT_GE(k, 6);
    EXPECT_LE(k, 7);
  }
}

TEST(Ring, OwnersAreStable) {
  Config c;
  EXPECT_EQ(partition_owners(c), partition_owners(c));
}

TEST(Ring, PartitionsCoverTheHashSpace) {
  EXPECT_EQ(partition_of_hash(0, 16), 0u);
  EXPECT_EQ(partition_of_hash(UINT64_MAX, 16), 15u);
  EXPECT_EQ(partition_of_hash(uint64_t{1} << 63, 16), 8u);
  EXPECT_EQ(partition_of_hash(UINT64_MAX, 3), 2u);
}

TEST(Ring, LeavesAreInRange) {
  for (Key k = 0; k < 1000; ++k) {
    EXPECT_LT(merkle_leaf_of(k, 4), 16u);
    EXPECT_EQ(merkle_leaf_of(k, 0), 0u);
  }
}

}  // namespace
}  // namespace dt

namespace dt {
namespace {

TEST(Ring, WalkGivesDistinctNodesAndFallbacks) {
  Config c;
  c.nodes = 5;
  c.partitions_q = 16;
  const auto owners = partition_owners(c);
  for (uint32_t p = 0; p < c.partitions_q; ++p) {
    const auto walk = ring_walk(owners, p, 5);
    ASSERT_EQ(walk.size(), 5u);
    EXPECT_EQ(walk[0], owners[p]);
    std::set<NodeId> distinct(walk.begin(), walk.end());
    EXPECT_EQ(distinct.size(), 5u);
    const auto home = home_replicas(c, p);
    EXPECT_EQ(std::vector<NodeId>(walk.begin(), walk.begin() + 3), home);
  }
}

}  // namespace
}  // namespace dt
