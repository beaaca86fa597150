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

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kHandoffHygiene = "handoff_hygiene";

PropertyVerdict check_handoff_hygiene(const CheckContext& context);
PropertyVerdict check_handoff_hygiene(const CheckInput& input);

}  // namespace dt
