// A node's behaviour fingerprint, for the explorer (explore/), which merges
// states by it: an interface the model and impl nodes implement beside
// core/node.h's Node, and helpers that hash the parts both sides hold in one
// fixed order. Ordered containers only: equal states hash equal.
#pragma once

#include <map>
#include <optional>

#include "core/hash.h"
#include "core/history.h"
#include "core/trace.h"
#include "core/types.h"
#include "core/version.h"

namespace dt {

class FingerprintedNode {
 public:
  virtual ~FingerprintedNode() = default;
  // Hashes everything that decides the node's future effects: stores, hints
  // and Merkle trees, and the hidden state (dot and request-id counters,
  // failure-detector view and probe sequence, anti-entropy round and
  // exchange, the coordinator's open requests in full). Two nodes of one
  // kind, id, config and bugs with equal fingerprints answer every input
  // sequence with the same effects. Caches derived from hashed state are
  // left out.
  virtual void fingerprint(Hasher& h) const = 0;
};

// key -> siblings, keys ascending (a main store, or one node's hints).
void add_store(Hasher& h, const std::map<Key, Siblings>& store);
// intended node -> key -> siblings (a hint store).
void add_hints(Hasher& h, const std::map<NodeId, std::map<Key, Siblings>>& hints);
void add_version(Hasher& h, const Version& version);
// A coordinator's open request: what it is, then (add_target, add_answer)
// its targets in the order asked and its answers.
void add_request(Hasher& h, RequestId request_id, uint64_t op_id, uint64_t kind, Key key,
                 const Version& version);
// A target and the home node it stands in for (kNoNode: itself).
void add_target(Hasher& h, NodeId node, NodeId stands_for);
void add_answer(Hasher& h, NodeId responder, const Siblings& siblings);
// An anti-entropy initiator: its round and the exchange in flight, of any
// type with the fields exchange_id, partition, peer, comparisons and
// keys_transferred (the model's and the impl's).
template <typename Exchange>
void add_anti_entropy(Hasher& h, uint64_t round, const std::optional<Exchange>& current) {
  h.add_u64(round);
  h.add_u64(current.has_value() ? 1 : 0);
  if (!current) return;
  for (uint64_t x :
       {uint64_t{current->exchange_id}, uint64_t{current->partition}, uint64_t{current->peer},
        uint64_t{current->comparisons}, uint64_t{current->keys_transferred}}) {
    h.add_u64(x);
  }
}
// Every field of a trace record but its time (the run digest adds the time).
void add_record_fields(Hasher& h, const TraceRecord& r);
// Every field of a history event but its index, time and process (the run
// digest adds them; the explorer names processes itself).
void add_history_fields(Hasher& h, const HistoryOp& op);

}  // namespace dt
