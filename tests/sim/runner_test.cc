// The schedule runner: phases, quiescence, determinism and the digest.
#include "sim/runner.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "sim/schedule_check.h"
#include "sim_test_util.h"

namespace dt {
namespace {

using testing::client_op;
using testing::node_event;
using testing::quiet_schedule;

using testing::kMs;

// A busy schedule with every kind of fault.
Schedule stormy_schedule(uint64_t seed) {
  Schedule s = quiet_schedule();
  s.seed = seed;
  s.config.nodes = 5;
  s.workload.clients = 4;
  s.workload.ops = 150;
  s.workload.final_reads = true;
  s.workload.duration_ns = 2 * kSecondNs;
  s.workload.client_timeout_ns = 100 * kMs;
  ScheduleEvent partition = node_event(400 * kMs, EventKind::partition, kNoNode);
  partition.groups = {{0, 1}, {2, 3}};
  ScheduleEvent link = node_event(500 * kMs, EventKind::link, kNoNode);
  link.from = 1;
  link.to = 2;
  link.drop_ppm = 300'000;
  link.duplicate_ppm = 300'000;
  link.delay_min_ns = 1 * kMs;
  link.delay_max_ns = 40 * kMs;
  ScheduleEvent skew = node_event(600 * kMs, EventKind::clock_skew, 3);
  skew.skew_ns = -20 * static_cast<int64_t>(kMs);
  s.events = {node_event(100 * kMs, EventKind::crash, 1),
              node_event(200 * kMs, EventKind::pause, 2),
              node_event(300 * kMs, EventKind::restart, 1),
              partition,
              link,
              skew,
              node_event(700 * kMs, EventKind::resume, 2),
              node_event(800 * kMs, EventKind::heal, kNoNode),
              node_event(900 * kMs, EventKind::wipe, 4),
              client_op(1000 * kMs, EventKind::add, 9, 2)};
  return s;
}

TEST(Runner, SameScheduleSameRunByteForByte) {
  const Schedule s = stormy_schedule(5);
  const RunResult a = run_schedule(s, testing::echo_options());
  const RunResult b = run_schedule(s, testing::echo_options());
  EXPECT_EQ(a.history, b.history);
  EXPECT_EQ(a.trace, b.trace);
  EXPECT_EQ(a.digest, b.digest);
  EXPECT_EQ(a.stats.events, b.stats.events);
  EXPECT_GT(a.history.size(), 300u);
  EXPECT_GT(a.stats.messages_dropped, 0u);
  EXPECT_GT(a.stats.messages_delivered, 0u);
}

TEST(Runner, DifferentSeedDifferentDigest) {
  const RunResult a = run_schedule(stormy_schedule(5), testing::echo_options());
  const RunResult b = run_schedule(stormy_schedule(6), testing::echo_options());
  EXPECT_NE(a.digest, b.digest);
  EXPECT_NE(a.history, b.history);
}

TEST(Runner, DigestIsSixteenHexDigits) {
  EXPECT_EQ(digest_hex(0), "0000000000000000");
  EXPECT_EQ(digest_hex(0xABCDEF0123456789ULL), "abcdef0123456789");
  const RunResult r = run_schedule(quiet_schedule(), testing::echo_options());
  EXPECT_EQ(digest_hex(r.digest).size(), 16u);
}

TEST(Runner, QuiescesInTheFirstRoundWhenReplicasAgree) {
  Schedule s = quiet_schedule();
  s.events = {client_op(10 * kMs, EventKind::put, 0, 3, 0)};
  const RunResult r = run_schedule(s, testing::echo_options());
  EXPECT_TRUE(r.trace.quiesced);
  EXPECT_EQ(r.trace.quiescence_rounds_used, 1u);
  EXPECT_EQ(r.trace.final_heal_ns, s.workload.duration_ns);
  EXPECT_EQ(r.trace.final_reads_ns, s.workload.duration_ns + s.config.quiescence_round_ns());
  ASSERT_EQ(r.trace.final_states.size(), 3u);
  for (const NodeState& state : r.trace.final_states) EXPECT_EQ(state.store.size(), 1u);
}

TEST(Runner, NeverQuiescesWhenAHomeReplicaMissedAWrite) {
  Schedule s = quiet_schedule();  // 3 nodes, N = 3: every node is home
  ScheduleEvent cut = node_event(0, EventKind::link, kNoNode);
  cut.from = 0;
  cut.to = 2;
  cut.drop_ppm = 1'000'000;
  s.events = {cut, client_op(10 * kMs, EventKind::put, 0, 3, 0)};
  const RunResult r = run_schedule(s, testing::echo_options());
  EXPECT_FALSE(r.trace.quiesced);
  EXPECT_EQ(r.trace.quiescence_rounds_used, s.config.quiescence_rounds);
  EXPECT_TRUE(r.trace.final_states[2].store.empty());
  EXPECT_EQ(r.trace.final_states[1].store.size(), 1u);
}

TEST(Runner, TraceRecordsAreStampedAndOrdered) {
  const RunResult r = run_schedule(stormy_schedule(8), testing::echo_options());
  ASSERT_FALSE(r.trace.records.empty());
  size_t stored = 0;
  for (size_t i = 1; i < r.trace.records.size(); ++i) {
    EXPECT_GE(r.trace.records[i].time_ns, r.trace.records[i - 1].time_ns);
  }
  for (const TraceRecord& rec : r.trace.records) {
    if (rec.kind != TraceKind::stored) continue;
    ++stored;
    EXPECT_LT(rec.node, 5u);  // stamped with the acting node
    EXPECT_GT(rec.time_ns, 0u);
  }
  EXPECT_GT(stored, 0u);
}

TEST(Runner, WithoutTraceTheHistoryIsTheSame) {
  RunOptions quiet = testing::echo_options();
  quiet.record_trace = false;
  const RunResult with = run_schedule(stormy_schedule(9), testing::echo_options());
  const RunResult without = run_schedule(stormy_schedule(9), quiet);
  EXPECT_TRUE(without.trace.records.empty());
  EXPECT_EQ(with.history, without.history);
  EXPECT_EQ(with.trace.final_states, without.trace.final_states);
}

RC_GTEST_PROP(Runner, RandomFaultsGiveRepeatableWellFormedRuns, ()) {
  const Schedule s = testing::random_schedule();
  RC_ASSERT(check_runnable(s).is_ok());
  const RunResult a = run_schedule(s, testing::echo_options());
  RC_ASSERT(testing::jepsen_problem(a.history) == "");
  const RunResult b = run_schedule(s, testing::echo_options());
  RC_ASSERT(a.digest == b.digest);
  RC_ASSERT(a.history == b.history);
  RC_ASSERT(a.trace == b.trace);
}

TEST(RunnerDeathTest, RejectsAnUnrunnableSchedule) {
  Schedule s = quiet_schedule();
  s.events = {node_event(10 * kMs, EventKind::crash, 7)};
  EXPECT_DEATH(run_schedule(s, testing::echo_options()),
               "schedule.events\\[0\\].node: 7 is not a node");
}

TEST(RunnerDeathTest, BoundsTheNumberOfEvents) {
  RunOptions options = testing::echo_options();
  options.max_events = 50;
  EXPECT_DEATH(run_schedule(quiet_schedule(), options), "max_events");
}

}  // namespace
}  // namespace dt
