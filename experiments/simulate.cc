// The impl-only run every experiment uses (simulate.h).
#include "experiments/simulate.h"

#include "nodes/sides.h"
#include "sim/schedule_check.h"

namespace dt {

RunResult simulate_impl(const Schedule& schedule, bool record_trace) {
  const Status runnable = check_runnable(schedule);
  DT_ASSERT(runnable.is_ok(), "experiment built an unrunnable schedule: " +
                                  (runnable.is_ok() ? std::string() : runnable.message()));
  RunOptions options;
  options.primary = factories_for(Side::impl).primary;
  options.record_trace = record_trace;
  // Experiments bound their runs by virtual time; a 1000-node cluster passes
  // the default bound (20M events) in about two virtual minutes.
  options.max_events = 2'000'000'000;
  return run_schedule(schedule, options);
}

}  // namespace dt
