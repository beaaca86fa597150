// Hinted writes a fallback replica holds on behalf of home nodes, kept apart
// from the main store: intended node -> key -> siblings (merged like a store).
#pragma once

#include <map>
#include <vector>

#include "core/messages.h"
#include "core/state_digest.h"
#include "model/store.h"

namespace dt {

class HintStore {
 public:
  MergeResult add(NodeId intended, Key key, const Version& version, Versioning versioning);
  // Removes exactly the hinted version (intended, key, dot); false when absent.
  bool remove(NodeId intended, Key key, const Dot& dot);

  bool contains(NodeId intended, Key key, const Dot& dot) const;
  // Intended nodes with at least one hint, ascending.
  std::vector<NodeId> intended_nodes() const;
  // Every hint for `intended`: keys ascending, versions canonical within a key.
  std::vector<HintedEntry> entries_for(NodeId intended) const;
  // The abstract view: intended -> key -> siblings, no empty maps.
  std::map<NodeId, std::map<Key, Siblings>> snapshot() const;
  // The snapshot's part of a node state digest (hint count, then each store).
  void add_to(NodeStateDigest& digest) const;
  bool empty() const { return by_intended_.empty(); }
  void clear() { by_intended_.clear(); }

 private:
  std::map<NodeId, VersionStore> by_intended_;  // never holds an empty store
};

}  // namespace dt
