// Handoff hygiene: a holder deletes a hint (holder, intended, key, write) only
// after the intended node acked that hint from that holder: it recorded
// `handed_off` (stored it) or `handoff_covered` (its main store already covered
// it) when it sent the ack. The ack is judged when it was sent, never on the
// intended node's state when it arrives (a wipe in between is a fault that
// durability explains, not a hygiene bug). And a
// Merkle exchange transfers only owned data: a version stored at X through
// anti-entropy from peer P must have been in P's main store before (a version
// P held only as a hint must not be served as owned). Always promised.
#pragma once

#include <cstddef>
#include <cstdint>

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kHandoffHygiene = "handoff_hygiene";

// Both judgements compare records of *different* nodes by their order in the
// trace, so the explorer keeps their outcomes in its state identity
// (explore/judged_orders.h). What they compare is defined here, once.

// One hint: `holder` keeps `write` of `key` for `intended`.
struct HintKey {
  NodeId holder = kNoNode, intended = kNoNode;
  Key key = 0;
  WriteId write = 0;
  friend bool operator==(const HintKey&, const HintKey&) = default;
};
struct HintKeyHash {
  size_t operator()(const HintKey& k) const;
};
// handed_off or handoff_covered: the intended node acked a hint.
bool is_hint_ack(TraceKind kind);
// The hint an ack record acknowledges. REQUIRES: is_hint_ack(ack.kind).
HintKey hint_acked_by(const TraceRecord& ack);
// The hint a hint_deleted record removes.
HintKey hint_deleted_by(const TraceRecord& deletion);

// Where the peer of an anti-entropy store held the version before the store
// (its main store: fine; only its hint store, or not at all: a violation).
enum class AntiEntropySource : uint8_t { none, hint_only, owned };

PropertyVerdict check_handoff_hygiene(const CheckContext& context);
PropertyVerdict check_handoff_hygiene(const CheckInput& input);

}  // namespace dt
