// One stored version of a key (a sibling), and sibling-set helpers that both
// the model, the impl and the checkers agree on.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "core/vclock.h"

namespace dt {

struct Version {
  VClock clock;
  Value value;              // sorted set of elements; empty for a tombstone
  bool tombstone = false;   // a delete
  TimeNs lww_timestamp_ns = 0;  // writer's local clock (used only under LWW)
  WriteId write_id = 0;     // the client write that created it (opaque to nodes)

  friend bool operator==(const Version&, const Version&) = default;
  uint64_t hash() const;
  std::string to_string() const;  // "w17{0:1,2:3}=[5]" or "w9{..}=tombstone"
};

// Siblings: pairwise concurrent versions, kept in canonical order (by clock,
// then write id) so equal sets have equal representations.
using Siblings = std::vector<Version>;

void sort_canonical(Siblings& siblings);
// Order-independent hash of a canonical sibling set.
uint64_t hash_siblings(const Siblings& siblings);
std::string to_string(const Siblings& siblings);
// The merged clock of all siblings: the context a get returns.
VClock context_of(const Siblings& siblings);
// True when every sibling is a tombstone (a get answers not-found).
bool all_tombstones(const Siblings& siblings);

}  // namespace dt
