// Quorum overlap: a get sees every write acknowledged before the get was
// invoked on the same key: the get's returned context covers the write's dot.
// Promised when quorums are strict, R + W > N and versioning is vclock. Each
// stale read is explained from the trace (LWW, a wiped home replica, quorums
// that need not or did not intersect because of fallbacks); a stale read whose
// quorums intersect on a replica that held the write in its main store is a bug.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kQuorumOverlap = "quorum_overlap";

bool quorum_overlap_promised(const Config& config);
PropertyVerdict check_quorum_overlap(const CheckContext& context);
PropertyVerdict check_quorum_overlap(const CheckInput& input);

}  // namespace dt
