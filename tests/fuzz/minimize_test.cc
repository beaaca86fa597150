// The minimizer shrinks planted failures to their cause and keeps the
// failure signature; it is deterministic and bounded.
#include "fuzz/minimize.h"

#include <gtest/gtest.h>

#include "core/schedule_validate.h"
#include "model/model_node.h"
#include "tests/fuzz/planted_nodes.h"

namespace dt {
namespace {

ScheduleEvent node_event(TimeNs at_ns, EventKind kind, NodeId node) {
  ScheduleEvent e;
  e.at_ns = at_ns;
  e.kind = kind;
  e.node = node;
  return e;
}

// Ten events of every fault kind; only some matter to each planted bug.
Schedule busy_schedule() {
  Schedule s;
  s.seed = 42;
  s.workload.ops = 30;
  s.workload.duration_ns = 2 * kSecondNs;
  ScheduleEvent link;
  link.at_ns = 110 * kMillisecondNs + 7;
  link.kind = EventKind::link;
  link.from = 0;
  link.to = 3;
  link.drop_ppm = 300'000;
  link.duplicate_ppm = 10'000;
  link.delay_max_ns = 30 * kMillisecondNs;
  ScheduleEvent partition;
  partition.at_ns = 230 * kMillisecondNs + 11;
  partition.kind = EventKind::partition;
  partition.groups = {{0, 4}, {1, 2, 3}};
  ScheduleEvent heal;
  heal.at_ns = 640 * kMillisecondNs + 3;
  heal.kind = EventKind::heal;
  ScheduleEvent skew = node_event(700 * kMillisecondNs, EventKind::clock_skew, 4);
  skew.skew_ns = -123'456'789;
  s.events = {link,
              partition,
              node_event(310 * kMillisecondNs + 5, EventKind::crash, 1),
              node_event(420 * kMillisecondNs + 9, EventKind::pause, 2),
              node_event(555 * kMillisecondNs + 1, EventKind::resume, 2),
              heal,
              skew,
              node_event(905 * kMillisecondNs + 13, EventKind::restart, 1),
              node_event(1200 * kMillisecondNs, EventKind::wipe, 3),
              node_event(1500 * kMillisecondNs, EventKind::restart, 3)};
  EXPECT_TRUE(validate_schedule(s).is_ok());
  return s;
}

MinimizeOptions divergence_options() {
  MinimizeOptions o;
  o.primary = &make_model_node;
  o.shadow = &testing::make_restart_marking_node;
  o.max_runs = 400;
  return o;
}

TEST(Minimize, DivergenceOnRestartShrinksToTheCrash) {
  const Schedule original = busy_schedule();
  const FailureSignature divergence{kDivergenceSignature, kDivergenceSignature};
  const MinimizeResult r = minimize_schedule(original, divergence, divergence_options());
  EXPECT_EQ(r.stats.events_before, 10u);
  EXPECT_EQ(r.stats.events_after, r.schedule.events.size());
  // A crash is enough: the final heal restarts the node.
  ASSERT_GE(r.schedule.events.size(), 1u);
  EXPECT_LE(r.schedule.events.size(), 2u);
  EXPECT_TRUE(r.schedule.events[0].kind == EventKind::crash ||
              r.schedule.events[0].kind == EventKind::wipe);
  EXPECT_EQ(r.schedule.workload.ops, 0u);
  EXPECT_FALSE(r.stats.budget_exhausted);
  EXPECT_TRUE(r.verdict.run.divergence.has_value());
  EXPECT_TRUE(validate_schedule(r.schedule).is_ok());
  // The result reproduces on its own.
  const RunVerdict again =
      run_and_check(r.schedule, &make_model_node, &testing::make_restart_marking_node);
  EXPECT_TRUE(shows_failure(again.run, again.report, divergence));
}

TEST(Minimize, IsDeterministic) {
  const FailureSignature divergence{kDivergenceSignature, kDivergenceSignature};
  const MinimizeResult a = minimize_schedule(busy_schedule(), divergence, divergence_options());
  const MinimizeResult b = minimize_schedule(busy_schedule(), divergence, divergence_options());
  EXPECT_EQ(a.schedule, b.schedule);
  EXPECT_EQ(a.stats.runs, b.stats.runs);
}

TEST(Minimize, StaleReadsShrinkToNoFaultsAndAFewOps) {
  Schedule original = busy_schedule();
  original.config.quorum_mode = QuorumMode::strict;
  const RunVerdict first = run_and_check(original, &testing::make_amnesiac_reader_node, nullptr);
  ASSERT_TRUE(first.failed());
  EXPECT_EQ(first.failure->property, "quorum_overlap");
  MinimizeOptions o;
  o.primary = &testing::make_amnesiac_reader_node;
  o.max_runs = 400;
  const MinimizeResult r = minimize_schedule(original, *first.failure, o);
  EXPECT_TRUE(r.schedule.events.empty());
  EXPECT_LT(r.schedule.workload.ops, original.workload.ops);
  EXPECT_EQ(r.schedule.workload.clients, 1u);
  EXPECT_EQ(r.schedule.workload.keys, 1u);
  EXPECT_TRUE(shows_failure(r.verdict.run, r.verdict.report, *first.failure));
}

TEST(Minimize, RunBudgetIsKept) {
  const FailureSignature divergence{kDivergenceSignature, kDivergenceSignature};
  MinimizeOptions o = divergence_options();
  o.max_runs = 5;
  const MinimizeResult r = minimize_schedule(busy_schedule(), divergence, o);
  EXPECT_EQ(r.stats.runs, 5u);
  EXPECT_TRUE(r.stats.budget_exhausted);
  EXPECT_TRUE(r.verdict.run.divergence.has_value());
}

}  // namespace
}  // namespace dt
