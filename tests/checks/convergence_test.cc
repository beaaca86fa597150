#include "checks/convergence.h"

#include <gtest/gtest.h>

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

TEST(Convergence, RejectsDifferingMerkleRoots) {
  ConvergenceCase c;
  const Placement placement(c.config);
  const uint32_t partition = placement.partition(kKey);
  for (NodeId n : c.home) c.trace.trace().final_states[n].merkle_roots[partition] = 42;
  c.trace.trace().final_states[c.home[1]].merkle_roots[partition] = 43;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "merkle_roots_differ");
  EXPECT_EQ(v.violations[0].nodes, c.home);
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
