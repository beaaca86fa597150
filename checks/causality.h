// Causality: (a) each reply's siblings are pairwise concurrent (none supersedes
// another, no dot twice); (b) each returned version was written by an invoked
// write on the same key; (c) no read returns a write invoked after the read
// completed; (d) the write/read dependency graph has no cycle. Always promised.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

inline constexpr const char* kCausality = "causality";

PropertyVerdict check_causality(const CheckContext& context);
PropertyVerdict check_causality(const CheckInput& input);

}  // namespace dt
