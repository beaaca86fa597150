// Mechanism duties: read repair, hinted handoff and anti-entropy each have an
// observable obligation, judged at the node that must act (never on delivery),
// so switching one off (or making it skip tombstones) is a promised violation.
//
// - Read repair: after an ok get, every home responder whose counted reply
//   differed from the merged answer is sent exactly the merged version
//   (`read_repair_missing`, `read_repair_incomplete`).
// - Hinted handoff and anti-entropy: periodic duties (checks/periodic_duties.h).
// Always promised.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kMechanisms = "mechanisms";

PropertyVerdict check_mechanisms(const CheckContext& context);
PropertyVerdict check_mechanisms(const CheckInput& input);

}  // namespace dt
