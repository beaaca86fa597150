// The sibling merge with the model's exact semantics (docs/protocol.md,
// "Versions and the merge"), written to avoid copies: the union and the
// survivors are pointer lists in a reused scratch buffer, and an unchanged
// result (the common duplicate / superseded delivery) copies nothing.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/version.h"

namespace dt {

struct SiblingMerge {
  // The survivors, canonical order; point into `existing` or `incoming`.
  std::vector<const Version*> merged;
  // Survivors whose dot was not in `existing`, canonical order.
  std::vector<const Version*> newly_stored;
  bool sibling_created = false;  // grew the set to two or more
  bool lww_overwrite = false;    // LWW dropped a version
  bool changed = false;          // merged differs from existing

  // A copy of the survivors (valid while existing and incoming live).
  Siblings materialize() const;
};

// REQUIRES: `existing` canonical; versions sharing a dot are identical.
// `out` is overwritten (its buffers are reused).
void merge_siblings_into(const Siblings& existing, const Siblings& incoming,
                         Versioning versioning, SiblingMerge& out);

// Same merge for a single incoming version (no temporary Siblings).
void merge_one_into(const Siblings& existing, const Version& incoming, Versioning versioning,
                    SiblingMerge& out);

}  // namespace dt
