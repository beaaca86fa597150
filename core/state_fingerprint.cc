#include "core/state_fingerprint.h"

namespace dt {

void add_store(Hasher& h, const std::map<Key, Siblings>& store) {
  h.add_u64(store.size());
  for (const auto& [key, siblings] : store) {
    h.add_u64(key);
    h.add_u64(hash_siblings(siblings));
  }
}

void add_hints(Hasher& h, const std::map<NodeId, std::map<Key, Siblings>>& hints) {
  h.add_u64(hints.size());
  for (const auto& [intended, store] : hints) {
    h.add_u64(intended);
    add_store(h, store);
  }
}

void add_version(Hasher& h, const Version& version) {
  h.add_u64(version.hash());
}

void add_request(Hasher& h, RequestId request_id, uint64_t op_id, uint64_t kind, Key key,
                 const Version& version) {
  h.add_u64(request_id);
  h.add_u64(op_id);
  h.add_u64(kind);
  h.add_u64(key);
  add_version(h, version);
}

void add_target(Hasher& h, NodeId node, NodeId stands_for) {
  h.add_u64(uint64_t{node} << 32 | stands_for);
}

void add_answer(Hasher& h, NodeId responder, const Siblings& siblings) {
  h.add_u64(responder);
  h.add_u64(hash_siblings(siblings));
}

void add_record_fields(Hasher& h, const TraceRecord& r) {
  h.add_u64(r.node);
  h.add_u64(static_cast<uint64_t>(r.kind));
  h.add_u64(r.peer);
  h.add_u64(r.key);
  h.add_u64(r.op_id);
  h.add_u64(r.write_id);
  h.add_u64(r.dot.actor);
  h.add_u64(r.dot.counter);
  h.add_u64(r.partition);
  h.add_u64(r.count);
  h.add_u64(r.extra);
  h.add_u64(r.tombstone ? 1 : 0);
  h.add_string(r.detail);
}

void add_history_fields(Hasher& h, const HistoryOp& op) {
  h.add_u64(static_cast<uint64_t>(op.type));
  h.add_u64(static_cast<uint64_t>(op.f));
  h.add_u64(op.key);
  h.add_u64(op.value.has_value() ? 1 : 0);
  h.add_u64(static_cast<uint64_t>(op.value.value_or(0)));
  h.add_u64(op.write_id);
  h.add_u64(op.op_id);
  h.add_u64(op.coordinator);
  h.add_u64(op.context.hash());
  h.add_u64(hash_siblings(op.read));
  h.add_u64(op.not_found ? 1 : 0);
  h.add_string(op.error);
}

}  // namespace dt
