// Running one schedule for an experiment: the impl alone (fast; the model
// is the reference the lockstep tests hold it to), trace on request.
#pragma once

#include "core/schedule.h"
#include "sim/runner.h"

namespace dt {

// REQUIRES: check_runnable(schedule) is ok (asserted by the runner).
RunResult simulate_impl(const Schedule& schedule, bool record_trace);

}  // namespace dt
