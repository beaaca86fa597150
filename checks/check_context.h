// Everything the checkers share, built once per run: the input, the history
// index, what is known about each write's version, the trace index and the
// placement of keys.
#pragma once

#include "checks/check_input.h"
#include "checks/history_index.h"
#include "checks/home_placement.h"
#include "checks/trace_facts.h"
#include "checks/verdict.h"
#include "checks/write_facts.h"

namespace dt {

struct CheckContext {
  CheckInput input;
  HistoryIndex index;
  WriteFacts writes;
  TraceFacts trace;
  HomePlacement placement;
};

// Fails (with the history's error) when the history's pairing is malformed.
Result<CheckContext> build_check_context(const CheckInput& input);

// The verdict a checker returns when the history cannot be indexed: the input
// itself is broken, which a recorder must never produce.
PropertyVerdict malformed_history_verdict(const char* property, const std::string& error);

}  // namespace dt
