// One stored version of a key (a sibling) and the causality between versions.
//
// Versions are dotted version vectors: `dot` names the event that created the
// version (the coordinator's actor and a counter that actor never reuses) and
// `context` is the causal past the client supplied. A version supersedes
// another exactly when its context contains the other's dot. A plain vector
// clock (context with the dot merged in) would make two blind writes through
// one coordinator look ordered and silently drop one; the separate dot keeps
// them as siblings. What a get returns as its context is the merged
// `clock()` of all siblings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/types.h"
#include "core/vclock.h"

namespace dt {

// Actor ids name a node's lifetime between wipes: after its disk is lost a
// node comes back as a new actor, so its restarted counter reuses no dot.
using ActorId = uint32_t;
inline ActorId actor_id(NodeId node, uint32_t incarnation) { return incarnation * 1024u + node; }
inline NodeId node_of_actor(ActorId actor) { return actor % 1024u; }

struct Dot {
  ActorId actor = 0;
  uint64_t counter = 0;  // >= 1 for a real version
  friend bool operator==(const Dot&, const Dot&) = default;
  friend auto operator<=>(const Dot&, const Dot&) = default;
};

struct Version {
  Dot dot;
  VClock context;              // causal past supplied by the writer (excludes dot)
  Value value;                 // sorted set of elements; empty for a tombstone
  bool tombstone = false;      // a delete
  int64_t lww_timestamp_ns = 0;  // writer's local clock (used only under LWW)
  WriteId write_id = 0;        // the client write that created it (opaque to nodes)

  friend bool operator==(const Version&, const Version&) = default;
  // context with the dot merged in: everything this version has seen.
  VClock clock() const;
  uint64_t hash() const;
  std::string to_string() const;  // "w17@3:2{0:1}=[5]" or "w9@1:4{..}=tombstone"
};

// `newer` supersedes `older`: older's dot is in newer's context.
bool supersedes(const Version& newer, const Version& older);
// equal (same dot), after (a supersedes b), before, or concurrent.
Order compare(const Version& a, const Version& b);
// True when `clock` (e.g. a get's returned context) has seen version `v`.
inline bool clock_covers(const VClock& clock, const Dot& dot) {
  return clock.get(dot.actor) >= dot.counter;
}

// A version a merge dropped from a store, and a surviving version that took its
// place (one superseding it, or the LWW winner). Both model and impl record it,
// so a store's content can be replayed from its trace.
struct DroppedVersion {
  WriteId write_id = 0;
  Dot dot;
  bool tombstone = false;
  WriteId replaced_by = 0;
  friend bool operator==(const DroppedVersion&, const DroppedVersion&) = default;
};

// Siblings: pairwise concurrent versions in canonical order (by dot) so equal
// sets have equal representations.
using Siblings = std::vector<Version>;

void sort_canonical(Siblings& siblings);
uint64_t hash_siblings(const Siblings& siblings);
std::string to_string(const Siblings& siblings);
// The merged clock of all siblings: the context a get returns.
VClock context_of(const Siblings& siblings);
// True when every sibling is a tombstone (a get answers not-found). Also true
// for an empty set.
bool all_tombstones(const Siblings& siblings);

}  // namespace dt
