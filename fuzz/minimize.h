// Shrinks a failing schedule while it keeps failing the same way (same
// FailureSignature): delta debugging over the events, then a smaller
// workload (ops, clients, keys, duration, op mix), then coarser event times,
// plainer fault values and a plainer config (fewer nodes, vclock, durable
// hints, shallow tree), repeated until nothing shrinks. Every candidate must
// be runnable (check_schedule_runnable) or it is skipped without a run; the
// runs are bounded by `max_runs`. Deterministic: same input, same result.
#pragma once

#include <cstdint>

#include "core/node.h"
#include "core/schedule.h"
#include "fuzz/failure_signature.h"
#include "fuzz/run_check.h"

namespace dt {

struct MinimizeOptions {
  NodeFactory primary = nullptr;  // required
  NodeFactory shadow = nullptr;   // set: lockstep, as in the failing run
  uint64_t max_runs = 1500;       // candidate runs at most
};

struct MinimizeStats {
  size_t events_before = 0;
  size_t events_after = 0;
  uint32_t ops_before = 0;
  uint32_t ops_after = 0;
  uint64_t runs = 0;              // candidate runs made
  bool budget_exhausted = false;  // stopped by max_runs, maybe not minimal
};

struct MinimizeResult {
  Schedule schedule;   // the smallest failing schedule found
  RunVerdict verdict;  // its run; shows the signature
  MinimizeStats stats;
};

// REQUIRES: `failing` validates and its run shows `signature` (asserted).
MinimizeResult minimize_schedule(const Schedule& failing, const FailureSignature& signature,
                                 const MinimizeOptions& options);

}  // namespace dt
