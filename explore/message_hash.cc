#include "explore/message_hash.h"

#include <variant>

#include "core/assert.h"
#include "core/state_fingerprint.h"

namespace dt {

namespace {

void add_siblings(Hasher& h, const Siblings& s) { h.add_u64(hash_siblings(s)); }
void add_entries(Hasher& h, const std::vector<HintedEntry>& entries) {
  h.add_u64(entries.size());
  for (const HintedEntry& e : entries) {
    h.add_u64(e.key);
    add_version(h, e.version);
  }
}
template <typename T>
void add_list(Hasher& h, const std::vector<T>& items) {
  h.add_u64(items.size());
  for (const T& item : items) h.add_u64(item);
}

// One overload per message type: every field, in declaration order.
struct FieldHasher {
  Hasher& h;
  void operator()(const StoreRequest& m) {
    h.add_u64(m.request_id), h.add_u64(m.key), add_version(h, m.version), h.add_u64(m.hint_for);
  }
  void operator()(const StoreAck& m) { h.add_u64(m.request_id), h.add_u64(m.key); }
  void operator()(const FetchRequest& m) { h.add_u64(m.request_id), h.add_u64(m.key); }
  void operator()(const FetchReply& m) {
    h.add_u64(m.request_id), h.add_u64(m.key), add_siblings(h, m.siblings);
  }
  void operator()(const RepairWrite& m) { h.add_u64(m.key), add_siblings(h, m.siblings); }
  void operator()(const HandoffOffer& m) { h.add_u64(m.batch_id), add_entries(h, m.entries); }
  void operator()(const HandoffAck& m) { h.add_u64(m.batch_id), add_entries(h, m.stored); }
  void operator()(const Probe& m) { h.add_u64(m.sequence); }
  void operator()(const ProbeReply& m) { h.add_u64(m.sequence); }
  void operator()(const MerkleCompare& m) {
    h.add_u64(m.exchange_id), h.add_u64(m.partition), h.add_u64(m.level);
    add_list(h, m.indices), add_list(h, m.hashes);
  }
  void operator()(const MerkleDiff& m) {
    h.add_u64(m.exchange_id), h.add_u64(m.partition), h.add_u64(m.level);
    add_list(h, m.differing);
  }
  void operator()(const MerkleLeafData& m) {
    h.add_u64(m.exchange_id), h.add_u64(m.partition), add_list(h, m.leaves);
    h.add_u64(m.data.size());
    for (const KeyData& d : m.data) h.add_u64(d.key), add_siblings(h, d.siblings);
    h.add_u64(m.is_reply ? 1 : 0);
  }
};

}  // namespace

uint64_t hash_message(const Message& message) {
  Hasher h;
  h.add_u64(message.index());  // the type
  std::visit(FieldHasher{h}, message);
  return h.finish();
}

uint64_t hash_envelope(NodeId from, NodeId to, const Message& message) {
  DT_ASSERT(from != kNoNode && to != kNoNode, "an envelope names both ends");
  return hash_combine(hash_combine(from, to), hash_message(message));
}

uint64_t hash_trace_record(const TraceRecord& r) {
  Hasher h;
  add_record_fields(h, r);
  return h.finish();
}

uint64_t hash_history_event(const HistoryOp& op) {
  Hasher h;
  add_history_fields(h, op);
  return h.finish();
}

}  // namespace dt
