// Schedule builders shared by the simulator tests.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/schedule.h"
#include "sim/runner.h"
#include "sim/testing/echo_node.h"

namespace dt::testing {

inline constexpr TimeNs kMs = kMillisecondNs;

// Three nodes, N=3, probes every 100 ms, no generated load, no final reads.
inline Schedule quiet_schedule() {
  Schedule s;
  s.seed = 42;
  s.config.nodes = 3;
  s.config.replicas_n = 3;
  s.config.read_quorum_r = 2;
  s.config.write_quorum_w = 2;
  s.config.probe_interval_ns = 100 * kMillisecondNs;
  s.config.quiescence_rounds = 2;
  s.workload.ops = 0;
  s.workload.final_reads = false;
  s.workload.duration_ns = 1 * kSecondNs;
  return s;
}

inline ScheduleEvent node_event(TimeNs at_ns, EventKind kind, NodeId node) {
  ScheduleEvent e;
  e.at_ns = at_ns;
  e.kind = kind;
  e.node = node;
  return e;
}

inline ScheduleEvent fixed_delay_link(TimeNs at_ns, NodeId from, NodeId to, TimeNs delay_ns) {
  ScheduleEvent e;
  e.at_ns = at_ns;
  e.kind = EventKind::link;
  e.from = from;
  e.to = to;
  e.delay_min_ns = delay_ns;
  e.delay_max_ns = delay_ns;
  return e;
}

inline ScheduleEvent client_op(TimeNs at_ns, EventKind kind, ProcessId process, Key key,
                               NodeId coordinator = kNoNode) {
  ScheduleEvent e;
  e.at_ns = at_ns;
  e.kind = kind;
  e.process = process;
  e.key = key;
  e.coordinator = coordinator;
  return e;
}

inline RunOptions echo_options() {
  RunOptions options;
  options.primary = &make_echo_node;
  return options;
}

// Runs with the echo node while recording every call the nodes got.
inline RunResult run_logged(const Schedule& schedule, std::vector<EchoCall>& log) {
  set_echo_log(&log);
  RunResult result = run_schedule(schedule, echo_options());
  set_echo_log(nullptr);
  return result;
}

// The calls one node got, as "what@local_ms" strings, in order.
inline std::vector<std::string> calls_of(const std::vector<EchoCall>& log, NodeId node,
                                         TimeNs until_ns = kNever) {
  std::vector<std::string> out;
  for (const EchoCall& c : log) {
    if (c.node != node || static_cast<TimeNs>(c.local_clock_ns) > until_ns) continue;
    out.push_back(c.what + "@" + std::to_string(c.local_clock_ns / 1'000'000));
  }
  return out;
}

// A random fault schedule: kinds, nodes and times drawn by rapidcheck.
inline Schedule random_schedule() {
  Schedule s = quiet_schedule();
  s.seed = *rc::gen::arbitrary<uint64_t>();
  s.config.nodes = *rc::gen::inRange<uint32_t>(3, 7);
  s.workload.clients = *rc::gen::inRange<uint32_t>(1, 5);
  s.workload.ops = *rc::gen::inRange<uint32_t>(0, 60);
  s.workload.final_reads = true;
  s.workload.client_timeout_ns = 80 * kMillisecondNs;
  const auto count = *rc::gen::inRange<size_t>(0, 12);
  std::vector<TimeNs> times = *rc::gen::container<std::vector<TimeNs>>(
      count, rc::gen::inRange<TimeNs>(0, s.workload.duration_ns));
  std::sort(times.begin(), times.end());
  for (TimeNs at : times) {
    const auto kind = static_cast<EventKind>(*rc::gen::inRange(0, 13));
    ScheduleEvent e = node_event(at, kind, *rc::gen::inRange<NodeId>(0, s.config.nodes));
    e.from = *rc::gen::inRange<NodeId>(0, s.config.nodes);
    e.to = *rc::gen::inRange<NodeId>(0, s.config.nodes);
    e.drop_ppm = *rc::gen::inRange<uint32_t>(0, 1'000'001);
    e.duplicate_ppm = *rc::gen::inRange<uint32_t>(0, 1'000'001);
    e.skew_ns = *rc::gen::inRange<int64_t>(-int64_t{kSecondNs}, int64_t{kSecondNs});
    e.key = *rc::gen::inRange<Key>(0, 6);
    e.process = *rc::gen::inRange<ProcessId>(0, 6);
    if (kind == EventKind::partition) e.groups = {{e.from}, {}};
    if (kind == EventKind::partition && e.to != e.from) e.groups[1] = {e.to};
    if (kind == EventKind::partition && e.groups[1].empty()) e.groups.pop_back();
    s.events.push_back(e);
  }
  return s;
}

// Why `history` is not a well-formed Jepsen history, or "" when it is: dense
// indices, non-decreasing times, each process alternating invoke and the
// completion of the same op, no op after an info, only writes end in info,
// unique write ids, every invoke completed.
inline std::string jepsen_problem(const History& history) {
  std::map<ProcessId, const HistoryOp*> open;
  std::set<ProcessId> retired;
  std::set<WriteId> write_ids;
  for (size_t i = 0; i < history.size(); ++i) {
    const HistoryOp& op = history[i];
    const std::string at = " at index " + std::to_string(i);
    if (op.index != i) return "index not dense" + at;
    if (i > 0 && op.time_ns < history[i - 1].time_ns) return "time went back" + at;
    if (retired.count(op.process)) return "retired process reused" + at;
    if (op.type == OpType::invoke) {
      if (open.count(op.process)) return "two open ops on one process" + at;
      if (is_write(op.f) && !write_ids.insert(op.write_id).second) return "write id reused" + at;
      open[op.process] = &op;
      continue;
    }
    auto it = open.find(op.process);
    if (it == open.end()) return "completion without invoke" + at;
    const HistoryOp& invoke = *it->second;
    if (invoke.op_id != op.op_id || invoke.f != op.f || invoke.key != op.key ||
        invoke.write_id != op.write_id) {
      return "completion does not match its invoke" + at;
    }
    open.erase(it);
    if (op.type == OpType::info) {
      if (!is_write(op.f)) return "a read ended in info" + at;
      retired.insert(op.process);
    }
  }
  if (!open.empty()) return std::to_string(open.size()) + " ops never completed";
  return "";
}

}  // namespace dt::testing
