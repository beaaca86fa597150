// Client ops as spans from invoke to completion, the bars of the client lanes.
// An invoke with no completion is an open span (it ends with the run).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/history.h"
#include "histories/json_util.h"

namespace dt {

struct OpSpan {
  const HistoryOp* invoke = nullptr;
  const HistoryOp* completion = nullptr;  // nullptr: still open at the end
};

// One span per invoke, in invoke order.
// REQUIRES: a validated history (each completion follows its invoke).
std::vector<OpSpan> op_spans(const History& history);

// The spans as the page reads them: {"i","c","p","t0","t1","r","f","k","v","w","op","co",
// "read","nf","err"}; "c" and "t1" are null for open spans, "r" is ok/fail/info/open.
Json op_spans_json(const std::vector<OpSpan>& spans);

}  // namespace dt
