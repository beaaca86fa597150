// Merkle anti-entropy between home replicas.
#include "model/anti_entropy.h"

#include <gtest/gtest.h>

#include "core/ring.h"
#include "tests/model/test_cluster.h"

namespace dt::test {
namespace {

// Runs anti-entropy rounds at `initiator` until it finishes an exchange with
// `peer` over `partition`; returns that merkle_exchange record.
TraceRecord exchange_with(TestCluster& cluster, NodeId initiator, NodeId peer, uint32_t partition) {
  for (int round = 0; round < 200; ++round) {
    EXPECT_TRUE(cluster.fire(initiator, TimerKind::anti_entropy, 0));
    cluster.deliver_all();
    const std::vector<TraceRecord> done = cluster.records(TraceKind::merkle_exchange);
    if (!done.empty() && done.back().node == initiator && done.back().peer == peer &&
        done.back().partition == partition) {
      return done.back();
    }
  }
  ADD_FAILURE() << "no exchange with peer " << peer << " over partition " << partition;
  return {};
}

struct Diverged {
  explicit Diverged(Config config) : cluster(config) {
    cluster.start_all();
    key = key_with_first_home(config, 0);
    const RingView ring(config);
    homes = ring.preference_list(key);
    partition = ring.partition_of_key(key);
    cluster.cut(homes[0], homes[2]);  // homes[2] misses the write
    cluster.request(homes[0], put_request(1, key, 5, 101));
    cluster.deliver_all();
    cluster.heal();
  }
  TestCluster cluster;
  Key key = 0;
  std::vector<NodeId> homes;
  uint32_t partition = 0;
};

TEST(AntiEntropyTest, ExchangeRepairsADivergedReplica) {
  Diverged d{Config{}};
  ASSERT_FALSE(d.cluster.state(d.homes[2]).store.count(d.key));
  EXPECT_NE(d.cluster.state(d.homes[0]).merkle_roots.at(d.partition),
            d.cluster.state(d.homes[2]).merkle_roots.at(d.partition));
  const TraceRecord done = exchange_with(d.cluster, d.homes[0], d.homes[2], d.partition);
  EXPECT_EQ(done.count, 2u * d.cluster.config().merkle_depth);  // one differing leaf
  EXPECT_EQ(done.extra, 1u);                                    // one key sent, none back
  EXPECT_EQ(d.cluster.state(d.homes[2]).store.at(d.key),
            d.cluster.state(d.homes[0]).store.at(d.key));
  EXPECT_EQ(d.cluster.state(d.homes[0]).merkle_roots.at(d.partition),
            d.cluster.state(d.homes[2]).merkle_roots.at(d.partition));
  const std::vector<TraceRecord> stored = d.cluster.records(TraceKind::anti_entropy_stored);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].node, d.homes[2]);
  EXPECT_EQ(stored[0].peer, d.homes[0]);
  EXPECT_GE(d.cluster.count_marks(CoverageMark::merkle_leaf_reached), 1u);
  EXPECT_EQ(d.cluster.count_marks(CoverageMark::merkle_deep_descent), 0u);
}

TEST(AntiEntropyTest, TheStaleSideCanInitiateToo) {
  Diverged d{Config{}};
  const TraceRecord done = exchange_with(d.cluster, d.homes[2], d.homes[0], d.partition);
  EXPECT_EQ(done.extra, 1u);  // none sent, one key back
  EXPECT_EQ(d.cluster.state(d.homes[2]).store.at(d.key).size(), 1u);
}

TEST(AntiEntropyTest, DeepTreesCountTwoComparisonsPerLevel) {
  Config config;
  config.merkle_depth = 10;
  Diverged d{config};
  const TraceRecord done = exchange_with(d.cluster, d.homes[0], d.homes[2], d.partition);
  EXPECT_EQ(done.count, 20u);
  EXPECT_GE(d.cluster.count_marks(CoverageMark::merkle_deep_descent), 1u);
}

TEST(AntiEntropyTest, EqualReplicasStopAtTheRoot) {
  Config config;
  TestCluster cluster(config);
  cluster.start_all();
  const Key key = key_with_first_home(config, 0);
  const RingView ring(config);
  const std::vector<NodeId> homes = ring.preference_list(key);
  cluster.request(homes[0], put_request(1, key, 5, 101));
  cluster.deliver_all();
  const TraceRecord done = exchange_with(cluster, homes[0], homes[1], ring.partition_of_key(key));
  EXPECT_EQ(done.count, 0u);
  EXPECT_EQ(done.extra, 0u);
  EXPECT_TRUE(cluster.records(TraceKind::anti_entropy_stored).empty());
}

TEST(AntiEntropyTest, RoundsCycleThroughEveryPairAndSkipSuspectedPeers) {
  Config config;
  TestCluster cluster(config);
  cluster.start_all();
  const RingView ring(config);
  size_t pairs = 0;
  for (uint32_t p : ring.home_partitions(0)) pairs += ring.partition_homes(p).size() - 1;
  cluster.make_suspect(0, 1);
  size_t exchanges_with_1 = 0;
  for (size_t round = 0; round < pairs; ++round) {
    ASSERT_TRUE(cluster.fire(0, TimerKind::anti_entropy, 0));
    for (const Envelope& e : cluster.queue()) {
      if (std::holds_alternative<MerkleCompare>(e.outgoing.message) && e.outgoing.to == 1) {
        ++exchanges_with_1;
      }
    }
    cluster.deliver_all();
  }
  EXPECT_EQ(exchanges_with_1, 0u);
  size_t finished = 0;
  for (const TraceRecord& r : cluster.records(TraceKind::merkle_exchange)) {
    finished += r.node == 0 ? 1 : 0;
  }
  size_t pairs_without_1 = 0;
  for (uint32_t p : ring.home_partitions(0)) {
    for (NodeId peer : ring.partition_homes(p)) pairs_without_1 += (peer != 0 && peer != 1);
  }
  EXPECT_EQ(finished, pairs_without_1);
}

// With N = 1 every partition has one home replica: there is nobody to compare
// with, so a round starts nothing (and re-arms its timer).
TEST(AntiEntropyTest, ASingleReplicaHasNoPeerToExchangeWith) {
  Config config;
  config.replicas_n = 1;
  config.read_quorum_r = 1;
  config.write_quorum_w = 1;
  TestCluster cluster(config);
  cluster.start_all();
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(cluster.fire(0, TimerKind::anti_entropy, 0));
    for (const Envelope& e : cluster.queue()) {
      EXPECT_FALSE(std::holds_alternative<MerkleCompare>(e.outgoing.message));
    }
    cluster.deliver_all();
  }
  EXPECT_TRUE(cluster.records(TraceKind::merkle_exchange_started).empty());
}

TEST(AntiEntropyTest, HintsAreNotPartOfTheTree) {
  Config config;
  TestCluster cluster(config);
  cluster.start_all();
  const NodeState before = cluster.state(0);
  Effects out;
  Version v;
  v.dot = Dot{actor_id(1, 0), 1};
  v.value = {1};
  // Node 0 keeps a hinted write for node 2 of a key in one of its partitions.
  const RingView ring(config);
  const uint32_t partition = ring.home_partitions(0).front();
  Key key = 0;
  while (ring.partition_of_key(key) != partition) ++key;
  NodeId intended = ring.partition_homes(partition)[0] == 0 ? ring.partition_homes(partition)[1]
                                                            : ring.partition_homes(partition)[0];
  cluster.node(0).on_message(NodeClock{}, 1, StoreRequest{1, key, v, intended}, out);
  EXPECT_EQ(cluster.state(0).merkle_roots, before.merkle_roots);
  EXPECT_EQ(cluster.state(0).hints.size(), 1u);
}

}  // namespace
}  // namespace dt::test
