#include "model/ring_view.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/ring.h"

namespace dt {
namespace {

TEST(RingViewTest, PreferenceListIsTheHeadOfTheExtendedList) {
  Config config;
  const RingView ring(config);
  for (Key key = 0; key < 200; ++key) {
    const std::vector<NodeId> homes = ring.preference_list(key);
    const std::vector<NodeId> walk = ring.extended_list(key);
    const std::vector<NodeId> fallbacks = ring.fallback_order(key);
    ASSERT_EQ(homes.size(), config.replicas_n);
    ASSERT_EQ(walk.size(), config.nodes);
    EXPECT_TRUE(std::equal(homes.begin(), homes.end(), walk.begin()));
    EXPECT_TRUE(std::equal(fallbacks.begin(), fallbacks.end(), walk.begin() + 3));
    EXPECT_EQ(homes, home_replicas(config, partition_of(key, config.partitions_q)));
    for (NodeId node = 0; node < config.nodes; ++node) {
      EXPECT_EQ(ring.is_home(node, key),
                std::find(homes.begin(), homes.end(), node) != homes.end());
    }
  }
}

TEST(RingViewTest, HomePartitionsMatchPartitionHomes) {
  Config config;
  const RingView ring(config);
  size_t memberships = 0;
  for (NodeId node = 0; node < config.nodes; ++node) {
    for (uint32_t p : ring.home_partitions(node)) {
      const std::vector<NodeId> homes = ring.partition_homes(p);
      EXPECT_NE(std::find(homes.begin(), homes.end(), node), homes.end());
      ++memberships;
    }
  }
  EXPECT_EQ(memberships, size_t{config.partitions_q} * config.replicas_n);
}

// A valid config has Q >= nodes (Config::validate), so every node owns a
// partition and every extended list reaches all nodes.
TEST(RingViewTest, ExtendedListReachesEveryNode) {
  Config config;
  config.nodes = 6;
  config.partitions_q = 6;
  const RingView ring(config);
  for (Key key = 0; key < 50; ++key) {
    EXPECT_EQ(ring.extended_list(key).size(), 6u);
    EXPECT_EQ(ring.fallback_order(key).size(), 3u);
  }
}

}  // namespace
}  // namespace dt
