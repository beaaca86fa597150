#include "checks/convergence.h"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "checks/merkle_root.h"
#include "core/convergence_bound.h"
#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::TraceBuilder;

constexpr Key kConvergenceKey = 5;

struct ConvergenceCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  std::vector<NodeId> home = test::home_of(config, kConvergenceKey);
  History history;
  TraceBuilder trace;
  Version v1 = test::version(1, 0, 1);

  ConvergenceCase() {
    trace.quiesced_empty(config, 1000);
    trace.final_store(home, kConvergenceKey, {v1});
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
  EXPECT_EQ(d.keys, std::vector<Key>{kConvergenceKey});
  EXPECT_EQ(d.nodes, c.home);
  EXPECT_EQ(d.writes, std::vector<WriteId>{1});
}

// Each home node reports the true root of its store for kConvergenceKey's partition.
void report_true_roots(ConvergenceCase& c) {
  const HomePlacement placement(c.config);
  const uint32_t partition = placement.partition(kConvergenceKey);
  for (NodeId n : c.home) {
    NodeState& state = c.trace.trace().final_states[n];
    state.merkle_roots[partition] =
        expected_merkle_root(state.store, placement, partition, c.config.merkle_depth);
  }
}

TEST(Convergence, AcceptsRootsThatAreTheirStoresRoots) {
  ConvergenceCase c;
  // A key of another partition on one node changes nothing for kConvergenceKey's root.
  const HomePlacement placement(c.config);
  Key other = kConvergenceKey + 1;
  while (placement.partition(other) == placement.partition(kConvergenceKey) ||
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
  const uint32_t partition = HomePlacement(c.config).partition(kConvergenceKey);
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
  EXPECT_EQ(v.violations[0].explanation,
            fmt::format("after quiescence the Merkle roots of partition {} differ:{}", partition,
                        listing));
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[1].kind, "merkle_root_wrong");
  EXPECT_EQ(v.violations[1].nodes, std::vector<NodeId>{c.home[1]});
}

// Replicas that agree on a root that is not their stores' root: check_roots
// alone would pass them (this is how anti-entropy on broken trees hides).
TEST(Convergence, RejectsEqualRootsThatAreNotTheStoresRoot) {
  ConvergenceCase c;
  const HomePlacement placement(c.config);
  const uint32_t partition = placement.partition(kConvergenceKey);
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
    EXPECT_EQ(w.keys, std::vector<Key>{kConvergenceKey});
    EXPECT_NE(w.explanation.find(fmt::format("reports Merkle root {:016x} for partition {}, but "
                                             "the 1 keys of that partition in its final store "
                                             "hash to {:016x}",
                                             truth + 1, partition, truth)),
              std::string::npos)
        << w.explanation;
  }
}

TEST(Convergence, RejectsRootsForPartitionsOutsideTheRing) {
  ConvergenceCase c;
  const uint32_t partitions = HomePlacement(c.config).partitions();
  c.trace.trace().final_states[c.home[0]].merkle_roots[partitions] = 0;
  c.trace.trace().final_states[c.home[0]].merkle_roots[partitions + 7] = 0;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2u);  // each one, not only the first
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_TRUE(v.violations[i].promised);
    EXPECT_EQ(v.violations[i].kind, "merkle_root_wrong");
    EXPECT_EQ(v.violations[i].nodes, std::vector<NodeId>{c.home[0]});
    EXPECT_EQ(v.violations[i].explanation,
              fmt::format("node {} reports a Merkle root for partition {}, but the ring has only "
                          "{} partitions",
                          c.home[0], partitions + (i == 0 ? 0 : 7), partitions));
  }
}

// The last home differing, not only the second: every replica is compared.
TEST(Convergence, RejectsTheLastHomeReplicasRootDiffering) {
  ConvergenceCase c;
  report_true_roots(c);
  const uint32_t partition = HomePlacement(c.config).partition(kConvergenceKey);
  c.trace.trace().final_states[c.home.back()].merkle_roots[partition] ^= 1;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2u);
  EXPECT_EQ(v.violations[0].kind, "merkle_roots_differ");
  EXPECT_EQ(v.violations[1].kind, "merkle_root_wrong");
}

// Partition 0 is compared like any other.
TEST(Convergence, RejectsDifferingRootsOfPartitionZero) {
  ConvergenceCase c;
  const HomePlacement placement(c.config);
  ASSERT_NE(placement.partition(kConvergenceKey), 0u);
  const std::vector<NodeId>& home = placement.home_of_partition(0);
  for (NodeId n : home) c.trace.trace().final_states[n].merkle_roots[0] = 5;
  c.trace.trace().final_states[home[1]].merkle_roots[0] = 6;
  const PropertyVerdict v = c.check();
  ASSERT_FALSE(v.violations.empty());
  EXPECT_EQ(v.violations[0].kind, "merkle_roots_differ");
  EXPECT_EQ(v.violations[0].nodes, home);
}

// One node, two partitions: a right root does not end the judging of the rest,
// and the witnesses are the wrong partition's keys only.
TEST(Convergence, JudgesEveryRootOfANodeAndNamesOnlyThatPartitionsKeys) {
  ConvergenceCase c;
  const HomePlacement placement(c.config);
  const uint32_t wrong = placement.partition(kConvergenceKey);
  // A key of a lower partition held by home[0] (and its own homes).
  Key low = 0;
  while (placement.partition(low) >= wrong || !placement.is_home(low, c.home[0])) ++low;
  c.trace.final_store(test::home_of(c.config, low), low, {c.v1});
  const uint32_t right = placement.partition(low);
  for (NodeId n : placement.home_of_partition(right)) {
    NodeState& state = c.trace.trace().final_states[n];
    state.merkle_roots[right] =
        expected_merkle_root(state.store, placement, right, c.config.merkle_depth);
  }
  for (NodeId n : c.home) c.trace.trace().final_states[n].merkle_roots[wrong] = 99;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), c.home.size()) << v.violations[0].explanation;
  for (const Violation& w : v.violations) {
    EXPECT_EQ(w.kind, "merkle_root_wrong");
    EXPECT_EQ(w.keys, std::vector<Key>{kConvergenceKey});
  }
}

TEST(Convergence, RejectsAMalformedHistory) {
  ConvergenceCase c;
  HistoryOp orphan;
  orphan.type = OpType::ok;
  c.history.push_back(orphan);
  const PropertyVerdict v = c.check();
  EXPECT_FALSE(v.checked);
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "malformed_input");
}

TEST(Convergence, RejectsAHintLeftAfterQuiescence) {
  ConvergenceCase c;
  const NodeId holder = test::non_home_of(c.config, kConvergenceKey)[0];
  c.trace.trace().final_states[holder].hints[c.home[0]][kConvergenceKey] = {c.v1};
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hint_left");
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].nodes, (std::vector<NodeId>{holder, c.home[0]}));
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
}

// An intended node listed with no keys is no hint; one listed after it is.
TEST(Convergence, AnEmptyHintListIsNoHintButTheNextOneCounts) {
  ConvergenceCase c;
  const NodeId holder = test::non_home_of(c.config, kConvergenceKey)[0];
  NodeState& state = c.trace.trace().final_states[holder];
  const NodeId first = std::min(c.home[0], c.home[1]), second = std::max(c.home[0], c.home[1]);
  state.hints[first];  // an empty map
  const PropertyVerdict clean = c.check();
  EXPECT_TRUE(clean.violations.empty()) << clean.violations[0].explanation;
  state.hints[second][kConvergenceKey] = {c.v1};
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].nodes, (std::vector<NodeId>{holder, second}));
}

TEST(Convergence, RejectsARunThatDidNotQuiesce) {
  ConvergenceCase c;
  // The premise: the config's rounds are enough for a correct store.
  ASSERT_LE(*quiescence_rounds_needed(c.config).rounds, c.config.quiescence_rounds);
  c.trace.trace().quiesced = false;
  c.trace.trace().quiescence_rounds_used = c.config.quiescence_rounds;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "not_quiesced");
}

// Fewer rounds than a correct store may need: the phase was cut short, so
// neither the missing quiescence nor the divergence it left is a bug. A
// root that does not summarise its own store still is.
TEST(Convergence, ARunCutShortBelowTheBoundIsExpectedButAWrongRootIsNot) {
  ConvergenceCase c;
  c.config.quiescence_rounds = 2;
  ASSERT_GT(*quiescence_rounds_needed(c.config).rounds, 2u);
  ReplicaTrace& t = c.trace.trace();
  t.quiesced = false;
  t.quiescence_rounds_used = 2;
  const HomePlacement placement(c.config);
  const uint32_t partition = placement.partition(kConvergenceKey);
  const uint64_t truth = expected_merkle_root(t.final_states[c.home[0]].store, placement,
                                              partition, c.config.merkle_depth);
  t.final_states[c.home[2]].store.clear();
  for (NodeId n : c.home) t.final_states[n].merkle_roots[partition] = truth + 1;  // agree, wrong
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2 + c.home.size());
  EXPECT_EQ(v.violations[0].kind, "not_quiesced");
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_NE(v.violations[0].explanation.find("raise it"), std::string::npos)
      << v.violations[0].explanation;
  EXPECT_EQ(v.violations[1].kind, "diverged_replicas");
  EXPECT_FALSE(v.violations[1].promised);
  for (size_t i = 2; i < v.violations.size(); ++i) {
    EXPECT_EQ(v.violations[i].kind, "merkle_root_wrong");
    EXPECT_TRUE(v.violations[i].promised);
  }
}

// Probes slower than their timeout on a healed network: no round count
// makes convergence certain, so not quiescing is explained, not a bug.
TEST(Convergence, NoBoundFromTheTimingsMeansNotQuiescingIsExpected) {
  ConvergenceCase c;
  c.config.network_delay_max_ns = c.config.probe_timeout_ns;
  c.trace.trace().quiesced = false;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_NE(v.violations[0].explanation.find("no bound"), std::string::npos)
      << v.violations[0].explanation;
}

}  // namespace
}  // namespace dt
