// Availability: a write (put, delete; add needs max(R, W)) whose coordinator
// could reach, during the op's whole window, at least W up nodes (sloppy) or W
// up home nodes of the key (strict) must complete ok. The window runs from the
// invoke minus failure-detection time (probe interval + probe timeout: the
// coordinator may still suspect a node that came back just before) to the
// op's completion. A non-ok write that met the condition is a bug unless lossy
// or slowed links were active during the window (then timeouts are expected).
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kAvailability = "availability";

PropertyVerdict check_availability(const CheckContext& context);
PropertyVerdict check_availability(const CheckInput& input);

}  // namespace dt
