// Well-formedness of a client history (not its correctness: that is checks/).
#pragma once

#include "core/config.h"
#include "core/history.h"
#include "core/status.h"

namespace dt {

// OK, or the first problem as "ops[7]: ok for process 2 with no open invoke".
// Checks: dense indices in order, non-decreasing time, coordinators are nodes,
// per process an invoke is followed by one completion with the same f, key and
// op_id, no invoke after an info on that process, and which fields each op may
// carry (value: put/add; not_found: get ok; read: get ok and add completions;
// error: fail/info).
// REQUIRES: config.validate() is ok (read_history_json checks it first).
Status validate_history(const Config& config, const History& history);

}  // namespace dt
