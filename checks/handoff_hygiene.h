// Handoff hygiene: a holder deletes a hint (holder, intended, key, write) only
// after the intended node stored that write handed off from that holder, or
// when the intended node already held it (or a superseding version) in its main
// store, unwiped (it acks such an offer without storing anything new); and a
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
