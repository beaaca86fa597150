#include "fuzz/run_check.h"

#include "checks/check_all.h"
#include "core/assert.h"
#include "core/schedule_validate.h"
#include "sim/schedule_check.h"

namespace dt {

Status check_schedule_runnable(const Schedule& schedule) {
  if (Status s = validate_schedule(schedule); !s.is_ok()) return s;
  return check_runnable(schedule);
}

RunVerdict run_and_check(const Schedule& schedule, NodeFactory primary, NodeFactory shadow) {
  RunOptions options;
  options.primary = primary;
  options.shadow = shadow;
  return run_and_check(schedule, options);
}

RunVerdict run_and_check(const Schedule& schedule, const RunOptions& options) {
  DT_ASSERT(options.primary != nullptr, "run_and_check needs a primary node factory");
  DT_ASSERT(options.record_trace, "the checkers need the trace");
  DT_ASSERT(check_schedule_runnable(schedule).is_ok(), "run_and_check needs a runnable schedule");
  RunVerdict verdict;
  verdict.run = run_schedule(schedule, options);
  verdict.report = check_all(CheckInput{schedule.config, verdict.run.history, verdict.run.trace});
  verdict.failure = first_failure(verdict.run, verdict.report);
  // A divergence stops the run, so the checks judged a cut-off run: their
  // violations are artifacts and do not count (the divergence does).
  verdict.promised_violations =
      verdict.run.divergence ? 0 : promised_violation_count(verdict.report);
  return verdict;
}

}  // namespace dt
