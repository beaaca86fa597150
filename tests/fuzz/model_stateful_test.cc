// Stateful property test (RapidCheck commands) of the reference model in the
// simulator. Commands put, get, crash, restart, partition, heal and advance
// time build a schedule step by step; the schedule is then run on the model
// and judged twice: by every checker (no promised violation), and by a small
// expectation written here to be trusted by reading:
//   strict quorums, R + W > N, durable storage, no wipes => every ok get of a
//   key returns the last put acknowledged before the get was invoked, unless
//   a put invoked after that one may have superseded it. The final reads
//   (after the final heal) are gets too, so acknowledged writes are durable.
// Reproduce a failure with the seed it prints:
//   RC_PARAMS="seed=123 max_success=500" ./tests/fuzz/fuzz_model_stateful_test
// (or the RC_PARAMS="reproduce=..." line RapidCheck prints).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <array>
#include <map>
#include <ostream>
#include <set>

#include "checks/verdict.h"
#include "fuzz/run_check.h"
#include "histories/schedule_json.h"
#include "model/model_node.h"
#include "tests/fuzz/planted_nodes.h"

namespace dt {
namespace {

constexpr uint32_t kNodes = 5;
constexpr uint32_t kKeys = 3;
constexpr uint32_t kProcesses = 3;

// The model of the model: only what the commands need to stay sensible.
struct Expectation {
  std::array<bool, kNodes> up{true, true, true, true, true};
  bool partitioned = false;
  TimeNs now_ns = 0;
  int64_t next_value = 1;
};

struct ScheduleBuilder {
  Schedule schedule;
  void add(ScheduleEvent e, TimeNs at_ns) {
    e.at_ns = at_ns;
    schedule.events.push_back(std::move(e));
  }
};

using Command = rc::state::Command<Expectation, ScheduleBuilder>;

ScheduleEvent client_op(EventKind kind, ProcessId process, Key key) {
  ScheduleEvent e;
  e.kind = kind;
  e.process = process;
  e.key = key;
  return e;
}

struct Put : Command {
  ProcessId process = *rc::gen::inRange<ProcessId>(0, kProcesses);
  Key key = *rc::gen::inRange<Key>(0, kKeys);
  void apply(Expectation& m) const override { ++m.next_value; }
  void run(const Expectation& m, ScheduleBuilder& b) const override {
    ScheduleEvent e = client_op(EventKind::put, process, key);
    e.value = m.next_value;
    b.add(e, m.now_ns);
  }
  void show(std::ostream& os) const override { os << "put key " << key << " by " << process; }
};

struct Get : Command {
  ProcessId process = *rc::gen::inRange<ProcessId>(0, kProcesses);
  Key key = *rc::gen::inRange<Key>(0, kKeys);
  void run(const Expectation& m, ScheduleBuilder& b) const override {
    b.add(client_op(EventKind::get, process, key), m.now_ns);
  }
  void show(std::ostream& os) const override { os << "get key " << key << " by " << process; }
};

struct Crash : Command {
  NodeId node = *rc::gen::inRange<NodeId>(0, kNodes);
  void checkPreconditions(const Expectation& m) const override { RC_PRE(m.up[node]); }
  void apply(Expectation& m) const override { m.up[node] = false; }
  void run(const Expectation& m, ScheduleBuilder& b) const override {
    ScheduleEvent e;
    e.kind = EventKind::crash;
    e.node = node;
    b.add(e, m.now_ns);
  }
  void show(std::ostream& os) const override { os << "crash " << node; }
};

struct Restart : Command {
  NodeId node = *rc::gen::inRange<NodeId>(0, kNodes);
  void checkPreconditions(const Expectation& m) const override { RC_PRE(!m.up[node]); }
  void apply(Expectation& m) const override { m.up[node] = true; }
  void run(const Expectation& m, ScheduleBuilder& b) const override {
    ScheduleEvent e;
    e.kind = EventKind::restart;
    e.node = node;
    b.add(e, m.now_ns);
  }
  void show(std::ostream& os) const override { os << "restart " << node; }
};

struct Partition : Command {
  uint32_t mask = *rc::gen::inRange<uint32_t>(1, (1u << kNodes) - 1);  // a proper subset
  void checkPreconditions(const Expectation& m) const override { RC_PRE(!m.partitioned); }
  void apply(Expectation& m) const override { m.partitioned = true; }
  void run(const Expectation& m, ScheduleBuilder& b) const override {
    ScheduleEvent e;
    e.kind = EventKind::partition;
    e.groups.assign(2, {});
    for (NodeId n = 0; n < kNodes; ++n) e.groups[(mask >> n) & 1].push_back(n);
    b.add(e, m.now_ns);
  }
  void show(std::ostream& os) const override { os << "partition mask " << mask; }
};

struct Heal : Command {
  void checkPreconditions(const Expectation& m) const override { RC_PRE(m.partitioned); }
  void apply(Expectation& m) const override { m.partitioned = false; }
  void run(const Expectation& m, ScheduleBuilder& b) const override {
    ScheduleEvent e;
    e.kind = EventKind::heal;
    b.add(e, m.now_ns);
  }
  void show(std::ostream& os) const override { os << "heal"; }
};

struct AdvanceTime : Command {
  TimeNs delta_ns = *rc::gen::inRange<TimeNs>(1, 400) * kMillisecondNs;
  void apply(Expectation& m) const override { m.now_ns += delta_ns; }
  void run(const Expectation&, ScheduleBuilder&) const override {}
  void show(std::ostream& os) const override {
    os << "advance " << delta_ns / kMillisecondNs << " ms";
  }
};

Schedule strict_base() {
  Schedule s;
  s.config.nodes = kNodes;
  s.config.replicas_n = 3;
  s.config.read_quorum_r = 2;
  s.config.write_quorum_w = 2;
  s.config.quorum_mode = QuorumMode::strict;
  s.workload.ops = 0;  // scripted ops only
  s.workload.clients = kProcesses;
  s.workload.keys = kKeys;
  return s;
}

struct OpPair {
  const HistoryOp* invoke = nullptr;
  const HistoryOp* completion = nullptr;
};

// The expectation in the header comment; returns "" or what went wrong.
std::string last_acknowledged_put_is_visible(const History& history) {
  std::map<uint64_t, OpPair> ops;
  for (const HistoryOp& op : history) {
    (op.type == OpType::invoke ? ops[op.op_id].invoke : ops[op.op_id].completion) = &op;
  }
  for (const auto& [id, get] : ops) {
    if (get.invoke->f != OpFn::get || !get.completion || get.completion->type != OpType::ok)
      continue;
    const OpPair* last_acked = nullptr;
    for (const auto& [other_id, put] : ops) {
      if (put.invoke->f != OpFn::put || put.invoke->key != get.invoke->key) continue;
      if (!put.completion || put.completion->type != OpType::ok) continue;
      if (put.completion->index > get.invoke->index) continue;
      if (!last_acked || put.invoke->index > last_acked->invoke->index) last_acked = &put;
    }
    if (!last_acked) continue;
    std::set<WriteId> allowed = {last_acked->invoke->write_id};
    for (const auto& [other_id, put] : ops) {
      if (put.invoke->f == OpFn::put && put.invoke->key == get.invoke->key &&
          put.invoke->index > last_acked->invoke->index) {
        allowed.insert(put.invoke->write_id);
      }
    }
    bool seen = false;
    for (const Version& v : get.completion->read) seen |= allowed.count(v.write_id) != 0;
    if (!seen) {
      return "get history[" + std::to_string(get.completion->index) + "] on key " +
             std::to_string(get.invoke->key) + " misses acknowledged write w" +
             std::to_string(last_acked->invoke->write_id);
    }
  }
  return "";
}

// The expectation must reject a run whose reads forget acknowledged writes.
TEST(ModelStateful, ExpectationRejectsAReadThatMissesAnAcknowledgedPut) {
  Schedule s = strict_base();
  ScheduleEvent put = client_op(EventKind::put, 0, 1);
  put.value = 7;
  ScheduleEvent get = client_op(EventKind::get, 0, 1);
  get.at_ns = 100 * kMillisecondNs;
  s.events = {put, get};
  const RunVerdict good = run_and_check(s, &make_model_node, nullptr);
  EXPECT_EQ(last_acknowledged_put_is_visible(good.run.history), "");
  const RunVerdict bad = run_and_check(s, &testing::make_amnesiac_reader_node, nullptr);
  EXPECT_EQ(last_acknowledged_put_is_visible(bad.run.history),
            "get history[3] on key 1 misses acknowledged write w1");
}

RC_GTEST_PROP(ModelStateful, StrictQuorumsShowEveryAcknowledgedWrite, ()) {
  ScheduleBuilder builder;
  builder.schedule = strict_base();
  Expectation start;
  rc::state::check(start, builder,
                   rc::state::gen::execOneOfWithArgs<Put, Put, Get, Get, Crash, Restart, Partition,
                                                     Heal, AdvanceTime, AdvanceTime>());
  Schedule& s = builder.schedule;
  const TimeNs last_ns = s.events.empty() ? 0 : s.events.back().at_ns;
  s.workload.duration_ns = last_ns + 300 * kMillisecondNs;
  RC_LOG() << write_schedule_json(s);
  const RunVerdict verdict = run_and_check(s, &make_model_node, nullptr);
  RC_LOG() << format_report(verdict.report, 3);
  // Every property, availability included: a crash of the coordinator or a needed
  // replica inside the window, even one restarted at the same instant, lifts the
  // obligation (RC_PARAMS="seed=7264284042762199538 max_success=600" once failed).
  for (const PropertyVerdict& v : verdict.report.verdicts) {
    RC_ASSERT(v.promised_violation_count() == 0u);
  }
  const std::string problem = last_acknowledged_put_is_visible(verdict.run.history);
  RC_LOG() << problem;
  RC_ASSERT(problem.empty());
}

}  // namespace
}  // namespace dt
