// Compact builders for hand-made histories and replica traces, so each checker
// test states its case in a few lines. Events may be added out of time order:
// build() sorts them by time (stable: ties keep insertion order) and numbers them.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checks/check_input.h"
#include "checks/home_placement.h"
#include "core/config.h"
#include "core/history.h"
#include "core/run_record.h"
#include "core/version.h"

namespace dt::test {

inline VClock clock_of(std::initializer_list<VClock::Entry> entries) {
  return VClock(std::vector<VClock::Entry>(entries));
}

// A version written by client write `write_id` with dot actor:counter.
inline Version version(WriteId write_id, ActorId actor, uint64_t counter, VClock context = {},
                       Value value = {}) {
  Version v;
  v.write_id = write_id;
  v.dot = Dot{actor, counter};
  v.context = std::move(context);
  v.value = value.empty() ? Value{static_cast<ElementValue>(write_id)} : std::move(value);
  return v;
}

// `v` with the LWW timestamp its coordinator stamped.
inline Version stamped(Version v, int64_t timestamp_ns) {
  v.lww_timestamp_ns = timestamp_ns;
  return v;
}

inline constexpr TimeNs kMs = kMillisecondNs;

class HistoryBuilder {
 public:
  // An invoke at invoke_ns and its completion at done_ns; returns the op id.
  uint64_t write(OpFn f, ProcessId process, Key key, WriteId write_id, TimeNs invoke_ns,
                 TimeNs done_ns, OpType outcome = OpType::ok, NodeId coordinator = 0,
                 VClock context = {}) {
    HistoryOp invoke = base(f, process, key, invoke_ns, coordinator);
    invoke.write_id = write_id;
    invoke.context = std::move(context);
    if (f != OpFn::del) invoke.value = static_cast<ElementValue>(write_id);
    HistoryOp done = invoke;
    done.type = outcome;
    done.time_ns = done_ns;
    if (outcome != OpType::ok) done.error = "timeout";
    events_.push_back(std::move(invoke));
    events_.push_back(std::move(done));
    return events_.back().op_id;
  }
  uint64_t put(ProcessId process, Key key, WriteId write_id, TimeNs invoke_ns, TimeNs done_ns,
               OpType outcome = OpType::ok, NodeId coordinator = 0, VClock context = {}) {
    return write(OpFn::put, process, key, write_id, invoke_ns, done_ns, outcome, coordinator,
                 std::move(context));
  }
  uint64_t get(ProcessId process, Key key, TimeNs invoke_ns, TimeNs done_ns, Siblings read,
               NodeId coordinator = 0, OpType outcome = OpType::ok) {
    HistoryOp invoke = base(OpFn::get, process, key, invoke_ns, coordinator);
    HistoryOp done = invoke;
    done.type = outcome;
    done.time_ns = done_ns;
    if (outcome == OpType::ok) {
      sort_canonical(read);
      done.context = context_of(read);
      done.not_found = all_tombstones(read);
      done.read = std::move(read);
    }
    events_.push_back(std::move(invoke));
    events_.push_back(std::move(done));
    return events_.back().op_id;
  }
  // A write invoked but never completed (open at the end of the history).
  uint64_t open_put(ProcessId process, Key key, WriteId write_id, TimeNs invoke_ns) {
    HistoryOp invoke = base(OpFn::put, process, key, invoke_ns, 0);
    invoke.write_id = write_id;
    invoke.value = static_cast<ElementValue>(write_id);
    events_.push_back(std::move(invoke));
    return events_.back().op_id;
  }

  History build() const {
    History history = events_;
    std::stable_sort(history.begin(), history.end(), [](const HistoryOp& a, const HistoryOp& b) {
      return a.time_ns < b.time_ns;
    });
    for (size_t i = 0; i < history.size(); ++i) history[i].index = i;
    return history;
  }

 private:
  HistoryOp base(OpFn f, ProcessId process, Key key, TimeNs time_ns, NodeId coordinator) {
    HistoryOp op;
    op.time_ns = time_ns;
    op.process = process;
    op.type = OpType::invoke;
    op.f = f;
    op.key = key;
    op.op_id = next_op_id_++;
    op.coordinator = coordinator;
    return op;
  }

  std::vector<HistoryOp> events_;
  uint64_t next_op_id_ = 1;
};

class TraceBuilder {
 public:
  TraceBuilder& record(TimeNs t, TraceKind kind, NodeId node, NodeId peer = kNoNode,
                       Key key = 0, WriteId write_id = 0, Dot dot = {}) {
    TraceRecord r;
    r.time_ns = t;
    r.kind = kind;
    r.node = node;
    r.peer = peer;
    r.key = key;
    r.write_id = write_id;
    r.dot = dot;
    trace_.records.push_back(std::move(r));
    return *this;
  }
  TraceBuilder& stored(TimeNs t, NodeId node, Key key, const Version& v) {
    return record(t, TraceKind::stored, node, kNoNode, key, v.write_id, v.dot);
  }
  TraceBuilder& hinted(TimeNs t, NodeId holder, NodeId intended, Key key, const Version& v) {
    return record(t, TraceKind::hinted, holder, intended, key, v.write_id, v.dot);
  }
  TraceBuilder& handed_off(TimeNs t, NodeId intended, NodeId holder, Key key, const Version& v) {
    return record(t, TraceKind::handed_off, intended, holder, key, v.write_id, v.dot);
  }
  TraceBuilder& hint_deleted(TimeNs t, NodeId holder, NodeId intended, Key key,
                             const Version& v) {
    return record(t, TraceKind::hint_deleted, holder, intended, key, v.write_id, v.dot);
  }
  TraceBuilder& anti_entropy_stored(TimeNs t, NodeId node, NodeId from, Key key,
                                    const Version& v) {
    return record(t, TraceKind::anti_entropy_stored, node, from, key, v.write_id, v.dot);
  }
  TraceBuilder& lost_on_wipe(TimeNs t, NodeId node, Key key, const Version& v) {
    return record(t, TraceKind::lost_on_wipe, node, kNoNode, key, v.write_id, v.dot);
  }
  // `peer` answered request `op_id` coordinated by `coordinator`.
  TraceBuilder& replied(TimeNs t, NodeId coordinator, uint64_t op_id, NodeId peer) {
    record(t, TraceKind::replica_replied, coordinator, peer);
    trace_.records.back().op_id = op_id;
    return *this;
  }
  TraceBuilder& target(TimeNs t, NodeId coordinator, uint64_t op_id, NodeId peer,
                       bool fallback) {
    record(t, TraceKind::target_chosen, coordinator, peer);
    trace_.records.back().op_id = op_id;
    trace_.records.back().count = fallback ? 1 : 0;
    return *this;
  }
  TraceBuilder& fault(TimeNs t, TraceKind kind, NodeId node) { return record(t, kind, node); }
  TraceBuilder& partitioned(TimeNs t, std::string groups) {
    record(t, TraceKind::partitioned, kNoNode);
    trace_.records.back().detail = std::move(groups);
    return *this;
  }
  TraceBuilder& link(TimeNs t, NodeId from, NodeId to, uint64_t drop_ppm) {
    record(t, TraceKind::link_changed, from, to);
    trace_.records.back().count = drop_ppm;
    return *this;
  }

  // Final states: every node empty, quiesced after the heal at `heal_ns`.
  TraceBuilder& quiesced_empty(const Config& config, TimeNs heal_ns) {
    trace_.final_heal_ns = heal_ns;
    trace_.final_reads_ns = heal_ns + 1;
    trace_.quiesced = true;
    trace_.quiescence_rounds_used = 1;
    trace_.final_states.assign(config.nodes, NodeState{});
    for (NodeId n = 0; n < config.nodes; ++n) trace_.final_states[n].node = n;
    return *this;
  }
  // Puts `siblings` for `key` on the given nodes' main stores.
  TraceBuilder& final_store(const std::vector<NodeId>& nodes, Key key, Siblings siblings) {
    sort_canonical(siblings);
    for (NodeId n : nodes) trace_.final_states.at(n).store[key] = siblings;
    return *this;
  }
  ReplicaTrace& trace() { return trace_; }

  ReplicaTrace build() const {
    ReplicaTrace out = trace_;
    std::stable_sort(out.records.begin(), out.records.end(),
                     [](const TraceRecord& a, const TraceRecord& b) {
                       return a.time_ns < b.time_ns;
                     });
    return out;
  }

 private:
  ReplicaTrace trace_;
};

// A 5-node config with the given quorums and mode.
inline Config config_of(uint32_t n, uint32_t r, uint32_t w, QuorumMode mode,
                        Versioning versioning = Versioning::vclock) {
  Config config;
  config.nodes = 5;
  config.replicas_n = n;
  config.read_quorum_r = r;
  config.write_quorum_w = w;
  config.quorum_mode = mode;
  config.versioning = versioning;
  return config;
}

// Nodes that are not home replicas of `key`, in id order.
inline std::vector<NodeId> non_home_of(const Config& config, Key key) {
  const HomePlacement placement(config);
  std::vector<NodeId> out;
  for (NodeId n = 0; n < config.nodes; ++n) {
    if (!placement.is_home(key, n)) out.push_back(n);
  }
  return out;
}

inline std::vector<NodeId> home_of(const Config& config, Key key) {
  return HomePlacement(config).home_of_key(key);
}

}  // namespace dt::test
