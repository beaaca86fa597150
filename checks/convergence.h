// Convergence: after the final heal and quiescence, for every partition all
// home replicas hold identical siblings for the partition's keys, their Merkle
// roots for the partition agree, every root a node reports is the root of its
// own store (checks/merkle_root), and no node still holds a hint (every node is
// live after the heal). A run that ended without quiescing is a violation.
// Always promised.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kConvergence = "convergence";

PropertyVerdict check_convergence(const CheckContext& context);
PropertyVerdict check_convergence(const CheckInput& input);

}  // namespace dt
