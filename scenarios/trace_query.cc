#include "scenarios/trace_query.h"

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

KeyRoles key_roles(const Config& config, Key key) {
  DT_ASSERT(config.nodes >= 5, "the seed's roles need five nodes");
  const std::vector<NodeId> walk =
      ring_walk(partition_owners(config), partition_of(key, config.partitions_q), 5);
  return KeyRoles{walk[0], walk[1], walk[2], walk[3], walk[4]};
}

std::vector<TraceRecord> records_of(const ReplicaTrace& trace, TraceKind kind, NodeId node,
                                    WriteId write_id) {
  std::vector<TraceRecord> out;
  for (const TraceRecord& r : trace.records) {
    if (r.kind != kind) continue;
    if (node != kNoNode && r.node != node) continue;
    if (write_id != 0 && r.write_id != write_id) continue;
    out.push_back(r);
  }
  return out;
}

std::optional<TimeNs> first_time(const ReplicaTrace& trace, TraceKind kind, NodeId node,
                                 WriteId write_id) {
  for (const TraceRecord& r : trace.records) {
    if (r.kind == kind && (node == kNoNode || r.node == node) &&
        (write_id == 0 || r.write_id == write_id)) {
      return r.time_ns;
    }
  }
  return std::nullopt;
}

const HistoryOp* completion_of(const History& history, ProcessId process, OpFn fn, size_t nth) {
  size_t seen = 0;
  uint64_t wanted_op = 0;
  bool found_invoke = false;
  for (const HistoryOp& op : history) {
    if (!found_invoke && op.type == OpType::invoke && op.process == process && op.f == fn) {
      if (seen++ == nth) {
        found_invoke = true;
        wanted_op = op.op_id;
      }
    } else if (found_invoke && op.type != OpType::invoke && op.op_id == wanted_op) {
      return &op;
    }
  }
  return nullptr;
}

const HistoryOp* invoke_of(const History& history, const HistoryOp& completion) {
  for (const HistoryOp& op : history) {
    if (op.type == OpType::invoke && op.op_id == completion.op_id) return &op;
  }
  return nullptr;
}

const Siblings* final_siblings(const ReplicaTrace& trace, NodeId node, Key key) {
  if (node >= trace.final_states.size()) return nullptr;
  const auto& store = trace.final_states[node].store;
  auto it = store.find(key);
  return it == store.end() ? nullptr : &it->second;
}

bool final_store_has(const ReplicaTrace& trace, NodeId node, Key key, WriteId write_id) {
  const Siblings* siblings = final_siblings(trace, node, key);
  if (siblings == nullptr) return false;
  for (const Version& v : *siblings) {
    if (v.write_id == write_id) return true;
  }
  return false;
}

}  // namespace dt
