// Trace completeness: replaying each node's own trace records (stored,
// handed_off, repaired, anti_entropy_stored, superseded, lost_on_wipe for the
// main store; hinted, hint_superseded, hint_deleted, lost_on_crash,
// lost_on_wipe for the hint store) reproduces exactly the write ids in its
// final main store and hint store. The other checkers reason from the trace,
// so a record that is missing, or one that removes what was never there, is a
// bug of the recorder. Always promised.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kTraceCompleteness = "trace_completeness";

PropertyVerdict check_trace_completeness(const CheckContext& context);
PropertyVerdict check_trace_completeness(const CheckInput& input);

}  // namespace dt
