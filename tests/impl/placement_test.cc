// The impl's placement against the reference ring walk: homes, home
// partitions and the extended list, with the table shared between nodes.
#include "impl/placement.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <vector>

#include "core/ring.h"

namespace dt {
namespace {

Config ring_config(uint32_t nodes, uint32_t partitions_q, uint32_t replicas_n) {
  Config config;
  config.nodes = nodes;
  config.partitions_q = partitions_q;
  config.replicas_n = replicas_n;
  config.read_quorum_r = 1;
  config.write_quorum_w = 1;
  EXPECT_TRUE(config.validate().is_ok()) << nodes << " " << partitions_q << " " << replicas_n;
  return config;
}

// Every placement a config gives equals the ring walk of core/ring.h,
// whichever configs were built before it (the shared table's key must
// tell every (nodes, Q, N) apart).
void expect_matches_ring(const Config& config) {
  const std::vector<NodeId> owners = partition_owners(config);
  for (NodeId self = 0; self < config.nodes; ++self) {
    const Placement placement(self, config);
    EXPECT_EQ(placement.owners(), owners);
    std::vector<uint32_t> home_partitions;
    for (uint32_t p = 0; p < config.partitions_q; ++p) {
      const std::vector<NodeId> walk = ring_walk(owners, p, config.replicas_n);
      const std::span<const NodeId> homes = placement.homes(p);
      ASSERT_EQ(std::vector<NodeId>(homes.begin(), homes.end()), walk) << "partition " << p;
      const bool home = std::find(walk.begin(), walk.end(), self) != walk.end();
      EXPECT_EQ(placement.is_home(self, p), home);
      if (home) home_partitions.push_back(p);
      const uint32_t ring_nodes = std::min(config.nodes, config.partitions_q);
      RingCursor cursor(placement, p);
      for (NodeId expected : ring_walk(owners, p, ring_nodes)) EXPECT_EQ(cursor.next(), expected);
      EXPECT_EQ(cursor.next(), kNoNode);
    }
    EXPECT_EQ(placement.self_home_partitions(), home_partitions);
  }
}

TEST(Placement, MatchesTheRingWalkForEveryShapeInAnyOrder) {
  // Same nodes and Q with another N, same nodes with another Q, then the
  // first again: a key that forgot a field would hand back a wrong table.
  const std::vector<Config> configs = {ring_config(5, 16, 3), ring_config(5, 16, 2),
                                       ring_config(5, 8, 3), ring_config(6, 16, 3),
                                       ring_config(20, 64, 5), ring_config(5, 16, 3)};
  // One placement of each config stays alive, so its table could be reused.
  std::vector<Placement> alive;
  for (const Config& config : configs) {
    alive.emplace_back(0, config);
    expect_matches_ring(config);
  }
  // Past the cursor's in-place buffer: 20 distinct ring nodes.
  expect_matches_ring(ring_config(20, 20, 3));
}

TEST(Placement, NodesOfOneRingShareOneTable) {
  const Config config = ring_config(7, 32, 3);
  const Placement a(0, config);
  const Placement b(6, config);
  EXPECT_EQ(&a.owners(), &b.owners());
  const Placement other(0, ring_config(7, 32, 2));
  EXPECT_NE(&a.owners(), &other.owners());
}

}  // namespace
}  // namespace dt
