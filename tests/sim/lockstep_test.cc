// Lockstep refinement: model (primary) and impl (shadow) get every event;
// the first difference in effects or abstract state stops the run.
#include "sim/lockstep.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "sim_test_util.h"

namespace dt {
namespace {

using testing::client_op;
using testing::quiet_schedule;

using testing::kMs;

Schedule one_put() {
  Schedule s = quiet_schedule();
  s.events = {client_op(10 * kMs, EventKind::put, 0, 3, 1)};
  s.events[0].value = 5;
  return s;
}

TEST(Lockstep, IdenticalNodesNeverDiverge) {
  Schedule s = one_put();
  s.workload.ops = 100;
  s.workload.final_reads = true;
  RunOptions options = testing::echo_options();
  options.shadow = &make_echo_node;
  const RunResult lockstep = run_schedule(s, options);
  EXPECT_FALSE(lockstep.divergence.has_value());
  // The shadow never steers the run: same digest as the model alone.
  const RunResult alone = run_schedule(s, testing::echo_options());
  EXPECT_EQ(lockstep.digest, alone.digest);
  EXPECT_EQ(lockstep.stats.events, alone.stats.events);
}

RC_GTEST_PROP(Lockstep, IdenticalNodesNeverDivergeUnderRandomFaults, ()) {
  RunOptions options = testing::echo_options();
  options.shadow = &make_echo_node;
  const RunResult r = run_schedule(testing::random_schedule(), options);
  RC_ASSERT(!r.divergence.has_value());
}

TEST(Lockstep, StateDifferenceStopsAtTheFirstStore) {
  const Schedule s = one_put();
  // Where the model stores first: the first `stored` record of a plain run.
  const RunResult alone = run_schedule(s, testing::echo_options());
  const TraceRecord* first_store = nullptr;
  for (const TraceRecord& r : alone.trace.records) {
    if (r.kind == TraceKind::stored && first_store == nullptr) first_store = &r;
  }
  ASSERT_NE(first_store, nullptr);

  RunOptions options = testing::echo_options();
  options.shadow = &make_off_by_one_echo_node;
  const RunResult r = run_schedule(s, options);
  ASSERT_TRUE(r.divergence.has_value());
  const Divergence& d = *r.divergence;
  EXPECT_EQ(d.event_index + 1, r.stats.events);  // the run stopped right there
  EXPECT_EQ(d.time_ns, first_store->time_ns);
  EXPECT_EQ(d.node, first_store->node);
  EXPECT_EQ(d.event, fmt::format("message StoreRequest req=1 key=3 w1@1:1{{}}=[5] from 1 to {}",
                                 d.node));
  ASSERT_EQ(d.differences.size(), 1u);
  EXPECT_EQ(d.differences[0],
            "store[key 3]: model [w1@1:1{}=[5]] / impl [w1@1:1{}=[6]]");
  EXPECT_LT(r.history.size(), 2u + alone.history.size());
}

TEST(Lockstep, EffectDifferenceNamesTheList) {
  RunOptions options = testing::echo_options();
  options.shadow = &make_deaf_echo_node;
  const RunResult r = run_schedule(quiet_schedule(), options);
  ASSERT_TRUE(r.divergence.has_value());
  const Divergence& d = *r.divergence;
  // The first probe delivered: the deaf impl does not answer it.
  const NodeId prober = (d.node + 2) % 3;
  EXPECT_EQ(d.event, fmt::format("message Probe 1 from {} to {}", prober, d.node));
  EXPECT_EQ(d.differences,
            (std::vector<std::string>{"sends: model has 1 / impl has 0",
                                      fmt::format("sends[0]: model ProbeReply 1 to {} / impl "
                                                  "(none)", prober)}));
  EXPECT_LT(d.time_ns, 10 * kMs);
}

// Sparse state checks (state_check_interval > 1) see a state-only difference
// at a later check, flagged as such, never before the exact run does.
TEST(Lockstep, SparseStateChecksSeeAStateDifferenceLater) {
  const Schedule s = one_put();
  RunOptions options = testing::echo_options();
  options.shadow = &make_off_by_one_echo_node;
  const RunResult exact = run_schedule(s, options);
  ASSERT_TRUE(exact.divergence.has_value());
  EXPECT_FALSE(exact.divergence->at_state_check);
  for (uint32_t interval : {2u, 64u, 1'000'000u}) {
    options.state_check_interval = interval;
    const RunResult r = run_schedule(s, options);
    ASSERT_TRUE(r.divergence.has_value()) << interval;
    const Divergence& d = *r.divergence;
    EXPECT_TRUE(d.at_state_check) << interval;
    EXPECT_GE(d.event_index, exact.divergence->event_index) << interval;
    EXPECT_EQ(d.event,
              fmt::format("state check (every {} events) after event {}", interval, d.event_index));
    ASSERT_FALSE(d.differences.empty());
    EXPECT_EQ(d.differences[0].rfind("store[key 3]: model [w1@1:1{}=[5]] / impl ", 0), 0u)
        << d.differences[0];
  }
}

// Effects are still compared after every event: the same divergence, exactly.
TEST(Lockstep, SparseStateChecksStillCompareEffectsEveryEvent) {
  RunOptions options = testing::echo_options();
  options.shadow = &make_deaf_echo_node;
  const RunResult exact = run_schedule(quiet_schedule(), options);
  options.state_check_interval = 64;
  const RunResult sparse = run_schedule(quiet_schedule(), options);
  ASSERT_TRUE(exact.divergence.has_value());
  ASSERT_TRUE(sparse.divergence.has_value());
  EXPECT_FALSE(sparse.divergence->at_state_check);
  EXPECT_EQ(sparse.divergence->event_index, exact.divergence->event_index);
  EXPECT_EQ(sparse.divergence->event, exact.divergence->event);
  EXPECT_EQ(sparse.divergence->differences, exact.divergence->differences);
}

// How often states are compared never steers a run; the digest can be skipped.
RC_GTEST_PROP(Lockstep, SparseStateChecksChangeNoRun, ()) {
  const Schedule s = testing::random_schedule();
  RunOptions options = testing::echo_options();
  const RunResult alone = run_schedule(s, options);
  options.shadow = &make_echo_node;
  options.state_check_interval = *rc::gen::element(2u, 7u, 64u, 1'000'000u);
  const RunResult sparse = run_schedule(s, options);
  RC_ASSERT(!sparse.divergence.has_value());
  RC_ASSERT(sparse.digest == alone.digest);
  RC_ASSERT(sparse.stats.events == alone.stats.events);
  options.compute_digest = false;
  const RunResult undigested = run_schedule(s, options);
  RC_ASSERT(undigested.digest == 0u);
  RC_ASSERT(undigested.history == alone.history);
}

TEST(Lockstep, EffectDifferencesAreEmptyForEqualEffects) {
  Effects a;
  a.marks.push_back(CoverageMark::sibling_created);
  Effects b = a;
  EXPECT_TRUE(effect_differences(a, b).empty());
  b.marks.push_back(CoverageMark::read_repair);
  EXPECT_EQ(effect_differences(a, b),
            (std::vector<std::string>{"marks: model has 1 / impl has 2",
                                      "marks[1]: model (none) / impl read_repair"}));
}

}  // namespace
}  // namespace dt
