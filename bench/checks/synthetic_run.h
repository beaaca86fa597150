// A synthetic recorded run for benchmarking the checkers: a correct store's
// history (sequential puts with contexts and gets that see the latest write)
// and a matching trace (targets, stores on all home replicas, quorum replies,
// a crash/restart now and then, final states after quiescence).
#pragma once

#include <cstdint>

#include "core/config.h"
#include "core/history.h"
#include "core/run_record.h"

namespace dt::bench {

struct SyntheticRun {
  Config config;
  History history;
  ReplicaTrace trace;
};

// `entries` history entries (invokes + completions) over `keys` keys.
SyntheticRun make_synthetic_run(uint64_t seed, size_t entries, uint32_t keys);

}  // namespace dt::bench
