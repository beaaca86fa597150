// Clusters past 64 nodes (node sets of more than one word, replica-timeout
// tags with a wider stride) and the failure detector's neighbour scope: the
// impl must still refine the model event by event, the checkers must pass a
// clean run and still catch a bug, and each scope keeps its probing promise.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "fuzz/run_check.h"
#include "fuzz/schedule_decoder.h"
#include "impl/impl_node.h"
#include "model/model_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

// A faulty run on `nodes` nodes: a crash and restart, a wipe, a partition that
// cuts the cluster in two, then the final heal, quiescence and final reads.
Schedule large_schedule(uint32_t nodes, ProbeScope scope, uint64_t seed) {
  Schedule s;
  s.seed = seed;
  s.config.nodes = nodes;
  s.config.partitions_q = std::min<uint32_t>(2 * nodes, 4096);
  s.config.probe_scope = scope;
  s.config.quiescence_rounds = 60;
  s.workload.clients = 12;
  s.workload.keys = 40;
  s.workload.ops = 240;
  s.workload.duration_ns = 2 * kSecondNs;
  auto node_event = [](TimeNs at_ns, EventKind kind, NodeId node) {
    ScheduleEvent e;
    e.at_ns = at_ns;
    e.kind = kind;
    e.node = node;
    return e;
  };
  s.events.push_back(node_event(200 * kMillisecondNs, EventKind::crash, nodes - 1));
  s.events.push_back(node_event(300 * kMillisecondNs, EventKind::crash, 64));
  s.events.push_back(node_event(900 * kMillisecondNs, EventKind::restart, nodes - 1));
  s.events.push_back(node_event(1000 * kMillisecondNs, EventKind::wipe, 3));
  ScheduleEvent split;
  split.at_ns = 1200 * kMillisecondNs;
  split.kind = EventKind::partition;
  split.groups.resize(2);
  for (NodeId n = 0; n < nodes; ++n) split.groups[n < nodes / 2 ? 0 : 1].push_back(n);
  s.events.push_back(split);
  ScheduleEvent heal;
  heal.at_ns = 1500 * kMillisecondNs;
  heal.kind = EventKind::heal;
  s.events.push_back(heal);
  s.events.push_back(node_event(1600 * kMillisecondNs, EventKind::restart, 64));
  const Status runnable = check_schedule_runnable(s);
  EXPECT_TRUE(runnable.is_ok()) << (runnable.is_ok() ? "" : runnable.message());
  return s;
}

std::string failure_text(const RunVerdict& verdict) {
  if (verdict.run.divergence) return "diverged at event " + verdict.run.divergence->event;
  return verdict.failure ? verdict.failure->describe() : "";
}

struct LargeCase {
  uint32_t nodes;
  ProbeScope scope;
};

class LargeCluster : public ::testing::TestWithParam<LargeCase> {};

TEST_P(LargeCluster, ImplRefinesModelAndEveryCheckPasses) {
  const LargeCase c = GetParam();
  for (uint64_t seed = 1; seed <= 2; ++seed) {
    const Schedule s = large_schedule(c.nodes, c.scope, seed);
    const RunVerdict verdict = run_and_check(s, &make_model_node, &make_impl_node);
    EXPECT_FALSE(verdict.run.divergence.has_value()) << failure_text(verdict);
    EXPECT_FALSE(verdict.failed()) << failure_text(verdict);
    EXPECT_GE(verdict.run.stats.client_ops, 200u);
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, LargeCluster,
                         ::testing::Values(LargeCase{65, ProbeScope::all},
                                           LargeCase{130, ProbeScope::neighbors},
                                           LargeCase{300, ProbeScope::neighbors}));

// The neighbour scope sends far fewer probes on a large ring, and the same
// probes as `all` where every node is every other's neighbour.
TEST(LargeCluster, NeighborScopeProbesFewerNodes) {
  auto probes = [](uint32_t nodes, ProbeScope scope) {
    Schedule s = large_schedule(nodes, scope, 1);
    s.events.clear();
    s.workload.ops = 0;
    s.workload.final_reads = false;
    RunOptions options;
    options.primary = &make_impl_node;
    return run_schedule(s, options).stats.messages_sent;
  };
  EXPECT_LT(probes(200, ProbeScope::neighbors) * 5, probes(200, ProbeScope::all));
}

// The checkers stay sharp past 64 nodes: zoo bugs on a 300-node cluster get
// their usual verdicts.
TEST(LargeCluster, ChecksCatchZooBugs) {
  const std::pair<const char*, const char*> expected[] = {
      {"sibling_drop_on_merge", "quorum_overlap/stale_read_disjoint_quorums"},
      {"merkle_leaf_not_updated_on_repair", "convergence/merkle_roots_differ"},
      {"fetch_hides_tombstones", "quorum_overlap/stale_read"},
      {"no_read_repair", "mechanisms/read_repair_missing"},
      {"no_anti_entropy", "convergence/not_quiesced"},
  };
  for (const auto& [bug, signature] : expected) {
    Schedule s = large_schedule(300, ProbeScope::neighbors, 1);
    s.inject = {bug};
    const RunVerdict verdict = run_and_check(s, &make_impl_node, nullptr);
    ASSERT_TRUE(verdict.failed()) << bug << " went unnoticed";
    EXPECT_EQ(verdict.failure->describe(), signature) << bug;
  }
}

TEST(NeighborScope, ImplRefinesModelOnRandomSchedules) {
  RunOptions options;
  options.primary = &make_model_node;
  options.shadow = &make_impl_node;
  options.record_trace = false;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    Schedule schedule = draw_schedule(seed).schedule;
    schedule.config.probe_scope = ProbeScope::neighbors;
    schedule.workload.ops = std::min<uint32_t>(schedule.workload.ops, 20);
    const RunResult result = run_schedule(schedule, options);
    ASSERT_FALSE(result.divergence.has_value())
        << "seed " << seed << " diverged at event " << result.divergence->event;
  }
}

}  // namespace
}  // namespace dt
