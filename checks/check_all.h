// Runs every property checker on one recorded run, sharing one index of the
// history and trace. Verdicts come in a fixed order: quorum_overlap,
// durability, convergence, availability, causality, handoff_hygiene, integrity,
// trace_completeness, mechanisms.
#pragma once

#include "checks/check_input.h"
#include "checks/verdict.h"

namespace dt {

CheckReport check_all(const CheckInput& input);

}  // namespace dt
