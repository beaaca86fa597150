// A node's behaviour fingerprint, for the explorer (explore/), which merges
// states by it: an interface the model and impl nodes implement beside
// core/node.h's Node, and helpers that hash the parts both sides hold in one
// fixed order. Ordered containers only: equal states hash equal.
#pragma once

#include <map>
#include <optional>

#include "core/hash.h"
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

}  // namespace dt
