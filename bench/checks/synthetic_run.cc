#include "bench/checks/synthetic_run.h"

#include <map>
#include <string>

#include "checks/home_placement.h"
#include "core/assert.h"
#include "core/prng.h"

namespace dt::bench {

namespace {

struct Generator {
  SyntheticRun run;
  SyntheticShape shape;
  HomePlacement placement;
  Prng prng;
  std::map<Key, Siblings> current;                     // what every home replica holds
  std::map<std::pair<ProcessId, Key>, VClock> last_read;  // context of a client's last get
  uint64_t puts = 0;
  std::vector<uint64_t> next_counter;
  TimeNs now_ns = 0;
  uint64_t next_op_id = 1;
  WriteId next_write_id = 1;

  Generator(const Config& config, const SyntheticShape& shape_, uint64_t seed)
      : run{config, {}, {}}, shape(shape_), placement(config), prng(seed),
        next_counter(config.nodes, 1) {}

  void add_op(HistoryOp invoke, HistoryOp done) {
    invoke.index = run.history.size();
    run.history.push_back(std::move(invoke));
    done.index = run.history.size();
    run.history.push_back(std::move(done));
  }
  void trace(TraceKind kind, NodeId node, NodeId peer, const HistoryOp& op, const Version* v) {
    TraceRecord r;
    r.time_ns = now_ns;
    r.kind = kind;
    r.node = node;
    r.peer = peer;
    r.key = op.key;
    r.op_id = op.op_id;
    if (v != nullptr) r.write_id = v->write_id, r.dot = v->dot;
    run.trace.records.push_back(std::move(r));
  }
  HistoryOp invoke(ProcessId process, OpFn f, Key key, NodeId coordinator) {
    HistoryOp op;
    op.time_ns = now_ns;
    op.process = process;
    op.f = f;
    op.key = key;
    op.op_id = next_op_id++;
    op.coordinator = coordinator;
    return op;
  }
  // A partition that cuts `node` off from everyone (recorded as "node|others").
  void isolate(NodeId node) {
    std::string groups = std::to_string(node) + "|";
    bool first = true;
    for (NodeId n = 0; n < run.config.nodes; ++n) {
      if (n == node) continue;
      groups += (first ? "" : ",") + std::to_string(n);
      first = false;
    }
    trace(TraceKind::partitioned, kNoNode, kNoNode, HistoryOp{}, nullptr);
    run.trace.records.back().detail = std::move(groups);
  }
  // An unacked put: its coordinator is cut off while it runs (acks lost; copies stay).
  void put(ProcessId process, Key key, bool acked);
  VClock put_context(ProcessId process, Key key);
  void apply_put(Key key, const Version& v);
  void get(ProcessId process, Key key);
};

VClock Generator::put_context(ProcessId process, Key key) {
  if (shape.blind_put_percent > 0 && prng.below(100) < shape.blind_put_percent) return {};
  if (shape.contexts_from_own_reads) {
    const auto it = last_read.find({process, key});
    return it == last_read.end() ? VClock{} : it->second;
  }
  const auto it = current.find(key);
  return it == current.end() ? VClock{} : context_of(it->second);
}

// The store's answer to a put: LWW keeps the newest; vclock drops the siblings
// the context covers and keeps the rest beside the new version.
void Generator::apply_put(Key key, const Version& v) {
  Siblings& siblings = current[key];
  if (run.config.versioning == Versioning::lww) siblings.clear();
  std::erase_if(siblings, [&](const Version& old) { return clock_covers(v.context, old.dot); });
  siblings.push_back(v);
  sort_canonical(siblings);
}

void Generator::put(ProcessId process, Key key, bool acked) {
  const std::vector<NodeId>& home = placement.home_of_key(key);
  const NodeId coordinator = shape.rotate_coordinators ? home[puts % home.size()] : home[0];
  ++puts;
  HistoryOp op = invoke(process, OpFn::put, key, coordinator);
  Version v;
  v.write_id = next_write_id++;
  v.dot = Dot{coordinator, next_counter[coordinator]++};
  v.context = put_context(process, key);
  v.lww_timestamp_ns = static_cast<int64_t>(now_ns);
  v.value = {static_cast<ElementValue>(v.write_id)};
  op.write_id = v.write_id;
  op.value = v.value[0];
  op.context = v.context;
  if (!acked) isolate(coordinator);
  for (NodeId n : home) trace(TraceKind::target_chosen, coordinator, n, op, nullptr);
  now_ns += 200;
  for (NodeId n : home) trace(TraceKind::stored, n, kNoNode, op, &v);
  for (size_t i = 0; i < (acked ? run.config.write_quorum_w : 1); ++i) {
    trace(TraceKind::replica_replied, coordinator, home[i], op, nullptr);
  }
  now_ns += 300;
  HistoryOp done = op;
  done.time_ns = now_ns;
  done.type = acked ? OpType::ok : OpType::info;
  if (!acked) trace(TraceKind::healed, kNoNode, kNoNode, HistoryOp{}, nullptr);
  apply_put(key, v);
  add_op(std::move(op), std::move(done));
}

void Generator::get(ProcessId process, Key key) {
  const std::vector<NodeId>& home = placement.home_of_key(key);
  HistoryOp op = invoke(process, OpFn::get, key, home[1]);
  now_ns += 200;
  for (size_t i = 0; i < run.config.read_quorum_r; ++i) {
    trace(TraceKind::replica_replied, home[1], home[1 + i], op, nullptr);
  }
  now_ns += 300;
  HistoryOp done = op;
  done.time_ns = now_ns;
  done.type = OpType::ok;
  if (auto it = current.find(key); it != current.end()) done.read = it->second;
  done.context = context_of(done.read);
  last_read[{process, key}] = done.context;
  done.not_found = done.read.empty();
  add_op(std::move(op), std::move(done));
}

}  // namespace

SyntheticRun make_synthetic_run(uint64_t seed, size_t entries, uint32_t keys) {
  SyntheticShape shape;
  shape.keys = keys;
  return make_synthetic_run(seed, entries, shape);
}

SyntheticRun make_synthetic_run(uint64_t seed, size_t entries, const SyntheticShape& shape) {
  const uint32_t keys = shape.keys;
  DT_ASSERT(keys > 0, "no keys");
  DT_ASSERT(entries % 2 == 0, "entries come in invoke/completion pairs");
  DT_ASSERT(shape.blind_put_percent <= 100, "a percentage");
  Config config;
  config.quorum_mode = QuorumMode::strict;
  config.versioning = shape.versioning;
  Generator g(config, shape, seed);
  g.run.history.reserve(entries);
  g.run.trace.records.reserve(entries * 3);
  for (size_t op = 0; op < entries / 2; ++op) {
    const Key key = g.prng.below(keys);
    const ProcessId process = static_cast<ProcessId>(g.prng.below(16));
    if (op % 20'000 == 10'000) {  // a short crash of a node that is never the coordinator
      const NodeId node = g.placement.home_of_key(key)[2];
      g.trace(TraceKind::crashed, node, kNoNode, HistoryOp{}, nullptr);
      g.now_ns += 100;
      g.trace(TraceKind::restarted, node, kNoNode, HistoryOp{}, nullptr);
    }
    if (g.prng.below(2) == 0) {
      g.put(process, key, g.prng.below(1000) != 0);
    } else {
      g.get(process, key);
    }
    g.now_ns += 1'000;
  }
  g.run.trace.final_heal_ns = g.now_ns;
  g.run.trace.quiesced = true;
  g.run.trace.quiescence_rounds_used = 1;
  g.run.trace.final_reads_ns = g.now_ns + 1;
  g.run.trace.final_states.resize(config.nodes);
  for (NodeId n = 0; n < config.nodes; ++n) g.run.trace.final_states[n].node = n;
  for (const auto& [key, siblings] : g.current) {
    for (NodeId n : g.placement.home_of_key(key)) g.run.trace.final_states[n].store[key] = siblings;
  }
  DT_ASSERT(g.run.history.size() == entries, "history size");
  return std::move(g.run);
}

}  // namespace dt::bench
