// A synthetic recorded run for benchmarking the checkers: a correct store's
// history (sequential puts with contexts and gets that see every current
// sibling) and a matching trace (targets, stores on all home replicas, quorum replies,
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

// How the run's writes relate. The default is one causal chain per key (each
// put's context is the latest version's clock); the others make the shapes that
// stress transitive supersession: contexts that lag (each client writes with
// the context of its own last read of the key) and coordinators that rotate
// over the home replicas (one actor each), so versions miss each other's dots.
struct SyntheticShape {
  uint32_t keys = 1000;
  Versioning versioning = Versioning::vclock;
  bool contexts_from_own_reads = false;  // else the latest version's clock
  bool rotate_coordinators = false;      // else home[0] coordinates every put
  uint32_t blind_put_percent = 0;        // puts with an empty context
};

// `entries` history entries (invokes + completions) over `keys` keys.
SyntheticRun make_synthetic_run(uint64_t seed, size_t entries, uint32_t keys);
SyntheticRun make_synthetic_run(uint64_t seed, size_t entries, const SyntheticShape& shape);

}  // namespace dt::bench
