// Tracing that costs nothing: when nobody reads the trace (a run without
// records and without a lockstep side), the impl skips building records on
// its hot paths (Effects::trace_wanted). These tests pin both halves: the
// records are really skipped, and nothing else a run does changes.
#include <gtest/gtest.h>

#include "fuzz/schedule_decoder.h"
#include "impl/impl_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

RunResult run_impl(const Schedule& schedule, bool record_trace) {
  RunOptions options;
  options.primary = &make_impl_node;
  options.record_trace = record_trace;
  return run_schedule(schedule, options);
}

// Drawn schedules cover every swarm profile (faults, sloppy and strict,
// LWW, hints, anti-entropy); each must give the same history, final states,
// quiescence facts and event counts with the trace off as with it on.
TEST(TraceOff, TheImplDoesTheSameWhenNobodyReadsTheTrace) {
  for (uint64_t seed = 0; seed < 300; ++seed) {
    const Schedule schedule = draw_schedule(seed).schedule;
    RunResult traced = run_impl(schedule, true);
    const RunResult quiet = run_impl(schedule, false);
    ASSERT_FALSE(traced.trace.records.empty()) << "seed " << seed;
    EXPECT_TRUE(quiet.trace.records.empty()) << "seed " << seed;
    ASSERT_EQ(traced.history, quiet.history) << "seed " << seed;
    traced.trace.records.clear();
    ASSERT_EQ(traced.trace, quiet.trace) << "seed " << seed;
    EXPECT_EQ(traced.stats.events, quiet.stats.events) << "seed " << seed;
    EXPECT_EQ(traced.stats.messages_sent, quiet.stats.messages_sent) << "seed " << seed;
    EXPECT_EQ(traced.stats.messages_delivered, quiet.stats.messages_delivered) << "seed " << seed;
  }
}

// One coordinator and one replica step, driven directly: with the trace
// wanted they build records; without, none, and the same other effects.
TEST(TraceOff, HotPathsBuildNoRecordsWhenNobodyReadsThem) {
  const Config config;  // 5 nodes, N=3
  const auto both = [&](auto&& step) {
    Effects traced;
    Effects quiet;
    quiet.trace_wanted = false;
    step(*make_impl_node(0, config, {}), traced);
    step(*make_impl_node(0, config, {}), quiet);
    EXPECT_FALSE(traced.trace.empty());
    EXPECT_TRUE(quiet.trace.empty());
    EXPECT_EQ(traced.sends, quiet.sends);
    EXPECT_EQ(traced.timers, quiet.timers);
    EXPECT_EQ(traced.replies, quiet.replies);
    EXPECT_EQ(traced.marks, quiet.marks);
  };
  both([](Node& node, Effects& out) {
    node.on_start(NodeClock{}, out);
    out.clear();
    ClientRequest put;
    put.op_id = 1;
    put.kind = ClientOpKind::put;
    put.key = 7;
    put.value = {5};
    put.write_id = 1;
    node.on_client_request(NodeClock{}, put, out);
  });
  both([](Node& node, Effects& out) {
    node.on_start(NodeClock{}, out);
    out.clear();
    Version version;
    version.write_id = 3;
    version.value = {5};
    version.dot = Dot{actor_id(2, 0), 1};
    node.on_message(NodeClock{}, 2, StoreRequest{1, 7, version, kNoNode}, out);
  });
}

}  // namespace
}  // namespace dt
