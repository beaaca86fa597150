// What every property checker reads: the run's config, its client history and
// its replica trace. Checkers judge a recorded run; they never run the system.
#pragma once

#include "core/config.h"
#include "core/history.h"
#include "core/run_record.h"

namespace dt {

struct CheckInput {
  const Config& config;
  const History& history;     // Jepsen pairs, dense index, real-time order
  const ReplicaTrace& trace;  // records in time order, final states, quiescence facts
};

}  // namespace dt
