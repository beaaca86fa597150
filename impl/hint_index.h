// The impl's hint store, indexed by intended node: one ordered key map per
// node that has hints, so a handoff offer or ack for one node costs O(its
// hints) and never looks at another node's hints. Nodes without hints have
// no map: an empty map per node id cost 48 bytes per node of the cluster in
// every node (48 MB on a 1000-node cluster). A bitset names the nodes with
// hints, so rounds visit them ascending.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/state_digest.h"
#include "impl/node_bits.h"
#include "impl/sibling_merge.h"

namespace dt {

class HintIndex {
 public:
  explicit HintIndex(uint32_t nodes);

  // Merges `version` into (intended, key); `out` describes the merge and is
  // valid until the next call.
  void add(NodeId intended, Key key, const Version& version, Versioning versioning,
           SiblingMerge& out, DotCollision collisions = DotCollision::impossible);
  // Removes exactly (intended, key, dot); false when absent.
  bool remove(NodeId intended, Key key, const Dot& dot);
  bool contains(NodeId intended, Key key, const Dot& dot) const;

  // Intended nodes with hints, ascending.
  std::vector<NodeId> intended_nodes() const;
  const NodeBits& intended_set() const { return with_hints_; }
  // Every hint for `intended`: keys ascending, canonical within a key.
  std::vector<HintedEntry> entries_for(NodeId intended) const;
  size_t entry_count(NodeId intended) const;
  std::map<NodeId, std::map<Key, Siblings>> snapshot() const;
  // The snapshot's part of a node state digest (hint count, then each store).
  void add_to(NodeStateDigest& digest) const;
  bool empty() const { return with_hints_.none(); }
  void clear();

 private:
  uint32_t nodes_;  // cluster size: intended nodes are below it
  // Only non-empty maps: n is a key exactly when with_hints_ holds n.
  std::map<NodeId, std::map<Key, Siblings>> by_intended_;
  NodeBits with_hints_;
};

}  // namespace dt
