// The orders of records of *different* nodes that a checker judges, as facts
// the state identity can hold.
//
// The default identity lets states meet whose nodes' records interleave
// differently (docs/explore.md, "What merging assumes"). One checker reads
// such an interleaving: handoff_hygiene asks, for a hint deleted at a
// fallback, whether the home had acked that hint *earlier in the trace*, and
// for a version stored by anti-entropy, whether the peer held it *earlier*.
// A correct node can only meet those in one order (the ack or the copy causes
// the later record), so on a clean path the fact is always the same; a
// buggy node (a hint deleted on a failed offer that still arrives) meets
// both. Two paths that differ only there are judged differently, so the
// outcome of each such comparison is part of the state (World::judged_orders,
// IdentityOptions::judged_orders), and the steps that read or write one are
// dependent for sleep sets (Footprint::order_read / order_write).
#pragma once

#include <cstdint>
#include <vector>

#include "core/trace.h"

namespace dt {

// A record whose judgement depends on records of other nodes before it.
bool reads_judged_order(TraceKind kind);
// A record that such a judgement looks for (a home's ack of a hint, a store
// of a version in a main or hint store).
bool writes_judged_order(TraceKind kind);

// What handoff_hygiene reads about `r` (a reads_judged_order record) from the
// records before it, with the checker's own definitions
// (checks/handoff_hygiene.h), as a small code: for hint_deleted 1 when the
// home had acked that hint, else 0; for anti_entropy_stored the
// AntiEntropySource (owned 2, hint only 1, none 0). The scan is linear:
// explored traces are short and such records rare.
uint64_t judged_order_fact(const TraceRecord& r, const std::vector<TraceRecord>& before);

}  // namespace dt
