// Durability: after the final heal and quiescence every acknowledged write (or
// a version superseding it) is on all N home replicas of its key in the final
// states. A missing write is explained only when the trace shows every copy of
// it (hinted copies included, superseding versions counted) destroyed by
// faults, or when LWW replaced it; otherwise it is a bug. Promised under vclock
// versioning for runs that quiesced.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kDurability = "durability";

bool durability_promised(const Config& config);
PropertyVerdict check_durability(const CheckContext& context);
PropertyVerdict check_durability(const CheckInput& input);

}  // namespace dt
