// Semantic checks of a schedule beyond what its types say: ranges, node ids,
// event order, partition groups, link faults, client ops and bug names.
#pragma once

#include "core/schedule.h"
#include "core/status.h"

namespace dt {

// Upper bounds a schedule may use (bigger values are almost surely mistakes).
inline constexpr uint32_t kMaxClients = 64;
inline constexpr uint32_t kMaxKeys = 1'000'000;
inline constexpr uint32_t kMaxOps = 1'000'000;
inline constexpr TimeNs kMaxDurationNs = 3600 * kSecondNs;
inline constexpr TimeNs kMaxThinkNs = 60 * kSecondNs;
inline constexpr TimeNs kMaxLinkDelayNs = 60 * kSecondNs;
inline constexpr int64_t kMaxClockSkewNs = 3600 * static_cast<int64_t>(kSecondNs);
inline constexpr uint32_t kPpm = 1'000'000;

// OK, or the first problem as "path: reason", e.g.
// "events[3].node: 7 is not a node (nodes are 0..4)".
Status validate_schedule(const Schedule& schedule);

}  // namespace dt
