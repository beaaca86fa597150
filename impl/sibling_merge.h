// The sibling merge with the model's exact semantics (docs/protocol.md,
// "Versions and the merge"), written to avoid copies: the union and the
// survivors are pointer lists in a reused scratch buffer, and an unchanged
// result (the common duplicate / superseded delivery) copies nothing.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/version.h"

namespace dt {

// What a merge does with two different versions that share a dot. A correct
// store never meets one (dots are unique); the bug zoo's vclock_reset_after_wipe
// makes them, and a buggy store keeps the incoming version, dropping the old one.
enum class DotCollision { impossible, keep_incoming };

struct SiblingMerge {
  // The survivors, canonical order; point into `existing` or `incoming`.
  std::vector<const Version*> merged;
  // Survivors not in `existing` (by dot and write id), canonical order.
  std::vector<const Version*> newly_stored;
  // Versions of `existing` not among the survivors, canonical order (copied:
  // the store overwrites `existing` right after the merge).
  std::vector<DroppedVersion> dropped;
  bool sibling_created = false;  // grew the set to two or more
  bool lww_overwrite = false;    // LWW dropped a version
  bool changed = false;          // merged differs from existing

  // A copy of the survivors (valid while existing and incoming live).
  Siblings materialize() const;
};

// REQUIRES: `existing` canonical; versions sharing a dot are identical.
// `out` is overwritten (its buffers are reused).
void merge_siblings_into(const Siblings& existing, const Siblings& incoming,
                         Versioning versioning, SiblingMerge& out,
                         DotCollision collisions = DotCollision::impossible);

// Same merge for a single incoming version (no temporary Siblings).
void merge_one_into(const Siblings& existing, const Version& incoming, Versioning versioning,
                    SiblingMerge& out, DotCollision collisions = DotCollision::impossible);

}  // namespace dt
