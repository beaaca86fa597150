// The main store of a replica (key -> siblings) and the sibling merge every
// store, hint store and coordinator uses. Plain std::map, full recomputation.
#pragma once

#include <map>

#include "core/config.h"
#include "core/types.h"
#include "core/version.h"

namespace dt {

struct MergeResult {
  Siblings merged;        // the new sibling set, canonical
  Siblings newly_stored;  // versions of `merged` whose dot was not in `existing`, canonical
  // Versions of `existing` not in `merged` (superseded, or lost under LWW), canonical.
  std::vector<DroppedVersion> dropped;
  // The merge grew the set to two or more siblings.
  bool sibling_created = false;
  // LWW dropped a version that no other version superseded.
  bool lww_overwrite = false;
};

// existing + incoming: drop every version superseded by another, keep one copy
// of each dot, keep concurrent ones, canonical order. Under LWW then keep only
// the version with the highest (lww_timestamp_ns, dot).
// REQUIRES: versions with the same dot are identical.
MergeResult merge_siblings(const Siblings& existing, const Siblings& incoming,
                           Versioning versioning);

// key -> canonical, non-empty sibling set.
class VersionStore {
 public:
  // Empty when the key is absent.
  const Siblings& get(Key key) const;
  MergeResult merge(Key key, const Siblings& incoming, Versioning versioning);
  // Removes the version with `dot` from `key`; false when it is not there.
  bool remove_version(Key key, const Dot& dot);

  const std::map<Key, Siblings>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    ++generation_;
  }
  // Bumped by every call that may change the entries: a value derived from
  // the store stays valid while the generation it was computed at is current.
  uint64_t generation() const { return generation_; }

 private:
  std::map<Key, Siblings> entries_;
  uint64_t generation_ = 0;
};

}  // namespace dt
