#include "checks/convergence.h"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "checks/merkle_root.h"
#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::TraceBuilder;

constexpr Key kKey = 5;

struct ConvergenceCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  std::vector<NodeId> home = test::home_of(config, kKey);
  History history;
  TraceBuilder trace;
  Version v1 = test::version(1, 0, 1);

  ConvergenceCase() {
    trace.quiesced_empty(config, 1000);
    trace.final_store(home, kKey, {v1});
  }
  PropertyVerdict check() {
    const ReplicaTrace t = trace.build();
    return check_convergence(CheckInput{config, history, t});
  }
};

TEST(Convergence, AcceptsIdenticalHomeReplicas) {
  ConvergenceCase c;
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  EXPECT_TRUE(v.violations.empty()) << v.summary;
  const std::string rounds =
      "after 1 of " + std::to_string(c.config.quiescence_rounds) + " rounds";
  EXPECT_NE(v.summary.find(rounds), std::string::npos) << v.summary;
}

TEST(Convergence, RejectsDivergedReplicasAfterHeal) {
  ConvergenceCase c;
  c.trace.trace().final_states[c.home[2]].store.clear();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& d = v.violations[0];
  EXPECT_TRUE(d.promised);
  EXPECT_EQ(d.kind, "diverged_replicas");
  EXPECT_EQ(d.keys, std::vector<Key>{kKey});
  EXPECT_EQ(d.nodes, c.home);
  EXPECT_EQ(d.writes, std::vector<WriteId>{1});
}

// Each home node reports the true root of its store for kKey's partition.
void report_true_roots(ConvergenceCase& c) {
  const Placement placement(c.config);
  const uint32_t partition = placement.partition(kKey);
  for (NodeId n : c.home) {
    NodeState& state = c.trace.trace().final_states[n];
    state.merkle_roots[partition] =
        expected_merkle_root(state.store, placement, partition, c.config.merkle_depth);
  }
}

TEST(Convergence, AcceptsRootsThatAreTheirStoresRoots) {
  ConvergenceCase c;
  // A key of another partition on one node changes nothing for kKey's root.
  const Placement placement(c.config);
  Key other = kKey + 1;
  while (placement.partition(other) == placement.partition(kKey) ||
         !placement.is_home(other, c.home[0])) {
    ++other;
  }
  c.trace.final_store(test::home_of(c.config, other), other, {c.v1});
  report_true_roots(c);
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.violations.empty()) << v.violations[0].explanation;
}

TEST(Convergence, RejectsDifferingMerkleRoots) {
  ConvergenceCase c;
  report_true_roots(c);
  const uint32_t partition = Placement(c.config).partition(kKey);
  c.trace.trace().final_states[c.home[1]].merkle_roots[partition] ^= 1;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2u);
  EXPECT_EQ(v.violations[0].kind, "merkle_roots_differ");
  EXPECT_EQ(v.violations[0].nodes, c.home);
  // The explanation lists every home replica's root, in preference order.
  std::string listing;
  for (NodeId n : c.home) {
    listing += fmt::format(" node {}: {:016x};", n,
                           c.trace.trace().final_states[n].merkle_roots.at(partition));
  }
  EXPECT_NE(v.violations[0].explanation.find(fmt::format(
                "the Merkle roots of partition {} differ:{}", partition, listing)),
            std::string::npos)
      << v.violations[0].explanation;
  EXPECT_EQ(v.violations[1].kind, "merkle_root_wrong");
  EXPECT_EQ(v.violations[1].nodes, std::vector<NodeId>{c.home[1]});
}

// Replicas that agree on a root that is not their stores' root: check_roots
// alone would pass them (this is how anti-entropy on broken trees hides).
TEST(Convergence, RejectsEqualRootsThatAreNotTheStoresRoot) {
  ConvergenceCase c;
  const Placement placement(c.config);
  const uint32_t partition = placement.partition(kKey);
  const uint64_t truth = expected_merkle_root(c.trace.trace().final_states[c.home[0]].store,
                                              placement, partition, c.config.merkle_depth);
  for (NodeId n : c.home) c.trace.trace().final_states[n].merkle_roots[partition] = truth + 1;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), c.home.size());
  std::vector<NodeId> by_node = c.home;  // violations come in node order
  std::sort(by_node.begin(), by_node.end());
  for (size_t i = 0; i < by_node.size(); ++i) {
    const Violation& w = v.violations[i];
    EXPECT_TRUE(w.promised);
    EXPECT_EQ(w.kind, "merkle_root_wrong");
    EXPECT_EQ(w.nodes, std::vector<NodeId>{by_node[i]});
    EXPECT_EQ(w.keys, std::vector<Key>{kKey});
    EXPECT_NE(w.explanation.find(fmt::format("reports Merkle root {:016x} for partition {}, but "
                                             "the 1 keys of that partition in its final store "
                                             "hash to {:016x}",
                                             truth + 1, partition, truth)),
              std::string::npos)
        << w.explanation;
  }
}

TEST(Convergence, RejectsARootForAPartitionOutsideTheRing) {
  ConvergenceCase c;
  const uint32_t partitions = Placement(c.config).partitions();
  c.trace.trace().final_states[c.home[0]].merkle_roots[partitions] = 0;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "merkle_root_wrong");
  EXPECT_NE(v.violations[0].explanation.find("but the ring has only"), std::string::npos);
}

TEST(Convergence, RejectsAHintLeftAfterQuiescence) {
  ConvergenceCase c;
  const NodeId holder = test::non_home_of(c.config, kKey)[0];
  c.trace.trace().final_states[holder].hints[c.home[0]][kKey] = {c.v1};
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hint_left");
  EXPECT_EQ(v.violations[0].nodes, (std::vector<NodeId>{holder, c.home[0]}));
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
}

TEST(Convergence, RejectsARunThatDidNotQuiesce) {
  ConvergenceCase c;
  c.trace.trace().quiesced = false;
  c.trace.trace().quiescence_rounds_used = 20;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "not_quiesced");
}

}  // namespace
}  // namespace dt
