#include "sim/quiescence.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/ring.h"

namespace dt {
namespace {

Config small_config() {
  Config c;
  c.nodes = 4;
  c.replicas_n = 2;
  c.read_quorum_r = 1;
  c.write_quorum_w = 1;
  c.partitions_q = 8;
  return c;
}

Version version(WriteId w) {
  Version v;
  v.dot = Dot{0, w};
  v.value = {static_cast<ElementValue>(w)};
  v.write_id = w;
  return v;
}

// Every home replica of `key` holds `siblings`.
std::vector<NodeState> states_with(const Config& c, Key key, const Siblings& siblings) {
  std::vector<NodeState> states(c.nodes);
  for (NodeId n = 0; n < c.nodes; ++n) states[n].node = n;
  for (NodeId home : home_replicas(c, partition_of(key, c.partitions_q))) {
    states[home].store[key] = siblings;
  }
  return states;
}

NodeId non_home(const Config& c, Key key) {
  const std::vector<NodeId> homes = home_replicas(c, partition_of(key, c.partitions_q));
  for (NodeId n = 0; n < c.nodes; ++n) {
    if (std::find(homes.begin(), homes.end(), n) == homes.end()) return n;
  }
  return kNoNode;
}

TEST(Quiescence, AgreeingHomeReplicasQuiesce) {
  const Config c = small_config();
  EXPECT_TRUE(cluster_quiesced(c, states_with(c, 7, {version(1)})));
}

TEST(Quiescence, EmptyClusterQuiesces) {
  const Config c = small_config();
  std::vector<NodeState> states(c.nodes);
  for (NodeId n = 0; n < c.nodes; ++n) states[n].node = n;
  EXPECT_TRUE(cluster_quiesced(c, states));
}

TEST(Quiescence, AHomeReplicaMissingAVersionDoesNot) {
  const Config c = small_config();
  std::vector<NodeState> states = states_with(c, 7, {version(1)});
  const NodeId home = home_replicas(c, partition_of(7, c.partitions_q))[1];
  states[home].store[7] = {version(2)};
  EXPECT_FALSE(cluster_quiesced(c, states));
  states[home].store.erase(7);
  EXPECT_FALSE(cluster_quiesced(c, states));
}

TEST(Quiescence, ANonHomeCopyDoesNotMatter) {
  const Config c = small_config();
  std::vector<NodeState> states = states_with(c, 7, {version(1)});
  const NodeId outsider = non_home(c, 7);
  ASSERT_NE(outsider, kNoNode);
  states[outsider].store[7] = {version(9)};
  EXPECT_TRUE(cluster_quiesced(c, states));
}

TEST(Quiescence, ALeftoverHintDoesNot) {
  const Config c = small_config();
  std::vector<NodeState> states = states_with(c, 7, {version(1)});
  states[0].hints[1][7] = {version(1)};
  EXPECT_FALSE(cluster_quiesced(c, states));
  states[0].hints[1].clear();  // an empty entry is no hint
  EXPECT_TRUE(cluster_quiesced(c, states));
}

}  // namespace
}  // namespace dt
