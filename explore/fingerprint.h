// The canonical 64-bit identity of an explored state. Two states with equal
// fingerprints have the same future and the checkers judge their paths alike:
// - each node by its own fingerprint (FingerprintedNode: stores, hints,
//   trees and hidden state, so states equal in content meet whatever inputs
//   led there), the hash of the trace records it emitted (the checkers read
//   them; in order, or with `commuting_steps` its steps between barriers as
//   a multiset: explore/trace_identity.h), up/down, incarnation, crash
//   count, periodic timer firings used, and under LWW its event count (its
//   clock);
// - the in-flight multiset and the pending timers, order-free (sorted);
// - the partition, the remaining budgets, the op/write id counters;
// - the client history so far (without times: only the order counts) and
//   each client's progress. With `symmetry`, process ids are renumbered by
//   first appearance and clients with the same script are a multiset, so
//   interchangeable clients meet.
// Not included: trace record times and, unless `exact_order`, the order of
// records of different nodes, except the outcome of each order a checker
// judges (`judged_orders`; docs/explore.md, "What merging assumes").
#pragma once

#include <cstdint>

#include "explore/world.h"

namespace dt {

// Which reductions the identity makes (each can be switched off to compare).
struct IdentityOptions {
  bool symmetry = true;         // interchangeable clients meet
  bool commuting_steps = true;  // a node's steps between barriers in any order meet
                                // (TraceIdentity::commuted; off: records in order)
  // States meet only when every trace record and history event happened in
  // the same order, across nodes too (World::observed_order). Off (the
  // default), states that differ only in how records of different nodes
  // interleave meet, and a checker that judges that interleaving (e.g.
  // handoff_hygiene: a hint deleted at the fallback before the home's ack)
  // sees only the first path's (docs/explore.md, "What merging assumes").
  // Sleep sets then treat steps that both left a record as dependent.
  bool exact_order = false;
  // The outcome of each cross-node record order a checker judges
  // (World::judged_orders, explore/judged_orders.h): paths that the default
  // identity would merge but handoff_hygiene tells apart stay apart. Off
  // only to measure what it keeps apart.
  bool judged_orders = true;
};

uint64_t fingerprint(const World& world, const IdentityOptions& options);

}  // namespace dt
