// Availability: a put whose coordinator could reach the same W up nodes (sloppy)
// or the same W up home nodes of the key (strict) during the op's whole window
// must complete ok; a delete or add reads first, so it needs max(R, W) of them.
// The window runs from the invoke minus the time a suspicion may outlast a
// node's return (max(probe timeout, replica timeout) + probe interval + a
// round trip: the coordinator may still suspect a node that came back just
// before) to the op's completion. A non-ok write that met the condition is a
// bug unless lossy or slowed links were active in the window (then timeouts are
// expected).
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kAvailability = "availability";

PropertyVerdict check_availability(const CheckContext& context);
PropertyVerdict check_availability(const CheckInput& input);

}  // namespace dt
