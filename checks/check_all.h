// Runs every property checker on one recorded run, sharing one index of the
// history and trace. Verdicts come in a fixed order: quorum_overlap,
// durability, convergence, availability, causality, handoff_hygiene, integrity,
// trace_completeness, mechanisms.
#pragma once

#include "checks/check_input.h"
#include "checks/verdict.h"

namespace dt {

// Which checkers run. A checker left out still gets its verdict, marked not
// checked, so the report keeps its fixed order.
struct CheckSelection {
  bool availability = true;
};

CheckReport check_all(const CheckInput& input, const CheckSelection& selection = {});

}  // namespace dt
