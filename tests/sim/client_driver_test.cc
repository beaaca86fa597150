// The client driver as seen through run_schedule with the echo node: the
// history is a well-formed Jepsen history and scripted ops behave as written.
#include "sim/client_driver.h"

#include <gtest/gtest.h>

#include <set>

#include "sim_test_util.h"

namespace dt {
namespace {

using testing::client_op;
using testing::node_event;
using testing::quiet_schedule;

using testing::kMs;

void expect_well_formed(const History& history) {
  EXPECT_EQ(testing::jepsen_problem(history), "");
}

Schedule busy_schedule() {
  Schedule s = quiet_schedule();
  s.config.nodes = 5;
  s.workload.clients = 4;
  s.workload.keys = 3;
  s.workload.ops = 200;
  s.workload.duration_ns = 2 * kSecondNs;
  s.workload.client_timeout_ns = 100 * kMs;
  s.workload.final_reads = true;
  // Crashes make some requests vanish: info for writes, fail for reads.
  s.events = {node_event(300 * kMs, EventKind::crash, 1),
              node_event(900 * kMs, EventKind::restart, 1),
              node_event(1000 * kMs, EventKind::crash, 3)};
  return s;
}

TEST(ClientDriver, HistoryIsWellFormedUnderCrashes) {
  const RunResult result = run_schedule(busy_schedule(), testing::echo_options());
  expect_well_formed(result.history);
  size_t invokes = 0, infos = 0, fails = 0;
  for (const HistoryOp& op : result.history) {
    invokes += op.type == OpType::invoke;
    infos += op.type == OpType::info;
    fails += op.type == OpType::fail;
  }
  EXPECT_EQ(invokes, 200u + 3u);  // generated ops + one final read per key
  EXPECT_EQ(result.stats.client_ops, invokes);
  EXPECT_GT(infos, 0u);
  EXPECT_GT(fails, 0u);
}

TEST(ClientDriver, TheWellFormednessCheckRejectsBrokenHistories) {
  History h(2);
  h[0].f = OpFn::put;
  h[0].write_id = 1;
  h[1] = h[0];
  h[1].index = 1;
  EXPECT_EQ(testing::jepsen_problem(h), "two open ops on one process at index 1");
  h[1].type = OpType::ok;
  h[1].op_id = 9;
  EXPECT_EQ(testing::jepsen_problem(h), "completion does not match its invoke at index 1");
  h[1].op_id = 0;
  h[1].index = 3;
  EXPECT_EQ(testing::jepsen_problem(h), "index not dense at index 1");
  h.resize(1);
  EXPECT_EQ(testing::jepsen_problem(h), "1 ops never completed");
}

TEST(ClientDriver, InfoRetiresTheProcess) {
  Schedule s = quiet_schedule();
  s.workload.clients = 1;
  s.workload.client_timeout_ns = 50 * kMs;
  s.events = {node_event(10 * kMs, EventKind::crash, 2),
              client_op(20 * kMs, EventKind::put, 0, 5, 2),   // lost: node 2 is down
              client_op(21 * kMs, EventKind::get, 0, 5, 2),   // queued; fails
              client_op(22 * kMs, EventKind::put, 0, 5, 0)};  // queued; ok
  const RunResult result = run_schedule(s, testing::echo_options());
  expect_well_formed(result.history);
  ASSERT_EQ(result.history.size(), 6u);
  const History& h = result.history;
  EXPECT_EQ(h[1].type, OpType::info);
  EXPECT_EQ(h[1].error, "client timeout");
  EXPECT_EQ(h[1].time_ns, 70 * kMs);
  EXPECT_EQ(h[0].process, 0u);
  // The queued get runs at once under a fresh process and also times out: fail.
  EXPECT_EQ(h[2].process, 1u);
  EXPECT_EQ(h[3].type, OpType::fail);
  EXPECT_EQ(h[4].process, 1u);
  EXPECT_EQ(h[5].type, OpType::ok);
}

TEST(ClientDriver, GetContextIsSentWithTheNextPut) {
  Schedule s = quiet_schedule();
  s.events = {client_op(10 * kMs, EventKind::put, 0, 1, 0),
              client_op(100 * kMs, EventKind::get, 0, 1, 0),
              client_op(200 * kMs, EventKind::put, 0, 1, 0)};
  s.events[2].value = 77;
  const RunResult result = run_schedule(s, testing::echo_options());
  expect_well_formed(result.history);
  ASSERT_EQ(result.history.size(), 6u);
  const HistoryOp& first_put = result.history[0];
  const HistoryOp& get_ok = result.history[3];
  const HistoryOp& second_put = result.history[4];
  EXPECT_EQ(first_put.value, ElementValue{1});  // the write id
  EXPECT_EQ(first_put.write_id, 1u);
  EXPECT_TRUE(first_put.context.empty());
  ASSERT_EQ(get_ok.type, OpType::ok);
  ASSERT_EQ(get_ok.read.size(), 1u);
  EXPECT_EQ(get_ok.read[0].write_id, 1u);
  EXPECT_FALSE(get_ok.not_found);
  EXPECT_EQ(second_put.value, ElementValue{77});
  EXPECT_EQ(second_put.write_id, 2u);
  EXPECT_EQ(second_put.context, get_ok.context);
  EXPECT_FALSE(second_put.context.empty());
}

TEST(ClientDriver, AddWritesTheUnionOfWhatItRead) {
  Schedule s = quiet_schedule();
  s.workload.final_reads = true;
  s.workload.keys = 0;  // final reads of the scripted key only
  s.events = {client_op(10 * kMs, EventKind::put, 0, 4, 1),
              client_op(100 * kMs, EventKind::add, 1, 4, 1),
              client_op(200 * kMs, EventKind::del, 2, 4, 1)};
  s.events[0].value = 10;
  s.events[1].value = 20;
  const RunResult result = run_schedule(s, testing::echo_options());
  expect_well_formed(result.history);
  ASSERT_EQ(result.history.size(), 8u);
  const HistoryOp& add_ok = result.history[3];
  EXPECT_EQ(add_ok.f, OpFn::add);
  ASSERT_EQ(add_ok.type, OpType::ok);
  ASSERT_EQ(add_ok.read.size(), 1u);
  EXPECT_EQ(add_ok.read[0].value, (Value{10}));
  EXPECT_EQ(add_ok.value, ElementValue{20});
  const HistoryOp& del_ok = result.history[5];
  EXPECT_EQ(del_ok.f, OpFn::del);
  ASSERT_EQ(del_ok.read.size(), 1u);
  EXPECT_EQ(del_ok.read[0].value, (Value{10, 20}));  // what the add stored
  // The final read sees the tombstone: not found.
  const HistoryOp& final_read = result.history[7];
  EXPECT_EQ(final_read.f, OpFn::get);
  EXPECT_TRUE(final_read.not_found);
  EXPECT_EQ(final_read.time_ns >= result.trace.final_reads_ns, true);
  EXPECT_EQ(result.trace.coverage[static_cast<size_t>(CoverageMark::tombstone_stored)], 1u);
}

TEST(ClientDriver, FinalReadsCoverEveryKeyFromFreshProcesses) {
  Schedule s = quiet_schedule();
  s.workload.keys = 2;
  s.workload.final_reads = true;
  s.events = {client_op(10 * kMs, EventKind::put, 3, 9, 0)};
  const RunResult result = run_schedule(s, testing::echo_options());
  expect_well_formed(result.history);
  std::vector<Key> read_keys;
  std::set<ProcessId> processes;
  for (const HistoryOp& op : result.history) {
    if (op.type != OpType::invoke || op.time_ns < result.trace.final_reads_ns) continue;
    read_keys.push_back(op.key);
    processes.insert(op.process);
  }
  EXPECT_EQ(read_keys, (std::vector<Key>{0, 1, 9}));
  // Fresh ids skip the scripted process 3 (slots 0..2 are the generated clients).
  EXPECT_EQ(processes, (std::set<ProcessId>{4, 5, 6}));
}

TEST(ClientDriver, HugeScriptedProcessIdsAndOpsAtTheEndOfTheSafetyPhase) {
  Schedule s = quiet_schedule();
  s.workload.clients = 2;
  s.workload.ops = 10;
  s.events = {client_op(10 * kMs, EventKind::put, UINT32_MAX, 0),
              client_op(s.workload.duration_ns, EventKind::get, 7, 0)};
  const RunResult result = run_schedule(s, testing::echo_options());
  expect_well_formed(result.history);
  bool saw_huge = false, saw_last = false;
  for (const HistoryOp& op : result.history) {
    saw_huge |= op.process == UINT32_MAX;
    saw_last |= op.type == OpType::invoke && op.time_ns == s.workload.duration_ns;
  }
  EXPECT_TRUE(saw_huge);
  EXPECT_TRUE(saw_last);
}

TEST(ClientDriver, NoGeneratedOpStartsAfterTheSafetyPhase) {
  Schedule s = busy_schedule();
  s.workload.ops = 100'000;  // more than fit in the safety phase
  s.workload.final_reads = false;
  const RunResult result = run_schedule(s, testing::echo_options());
  expect_well_formed(result.history);
  for (const HistoryOp& op : result.history) {
    if (op.type == OpType::invoke) {
      EXPECT_LT(op.time_ns, s.workload.duration_ns);
    }
  }
}

}  // namespace
}  // namespace dt
