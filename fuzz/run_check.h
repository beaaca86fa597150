// The run + check step every fuzzing path shares (campaigns, the minimizer,
// the libFuzzer differential target): run one schedule on the given node
// factories, run all checks, and name the first failure.
#pragma once

#include <optional>

#include "checks/verdict.h"
#include "core/node.h"
#include "core/schedule.h"
#include "core/status.h"
#include "fuzz/failure_signature.h"
#include "sim/runner.h"

namespace dt {

struct RunVerdict {
  RunResult run;
  CheckReport report;
  std::optional<FailureSignature> failure;  // first_failure(run, report)
  size_t promised_violations = 0;  // 0 after a divergence (the run was cut off)

  bool failed() const { return failure.has_value(); }
};

// OK when the schedule may be run: validate_schedule and the simulator's
// check_runnable both pass (candidates made by shrinking can fail either).
Status check_schedule_runnable(const Schedule& schedule);

// REQUIRES: primary set; check_schedule_runnable(schedule) is ok.
// `shadow` set = model and impl in lockstep (refinement check).
RunVerdict run_and_check(const Schedule& schedule, NodeFactory primary, NodeFactory shadow);
// The same with the caller's run options (e.g. a sparse lockstep state check).
// REQUIRES: options.record_trace (the checkers read the trace).
RunVerdict run_and_check(const Schedule& schedule, const RunOptions& options);

}  // namespace dt
