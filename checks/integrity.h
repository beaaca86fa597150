// Integrity: every version a get or add returns, and every version left in a
// final state, holds exactly the value its write produced (a put's value, an
// add's read set plus its element, a delete's tombstone); a write that
// completed `fail` (nothing can have been stored) is never stored, read or
// left behind (Elle's G1a); under LWW every store keeps, and every get
// returns, a version that the store's merge rule lets win over what the
// replicas involved held. Always promised (the LWW rules under LWW only).
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kIntegrity = "integrity";

PropertyVerdict check_integrity(const CheckContext& context);
PropertyVerdict check_integrity(const CheckInput& input);

}  // namespace dt
