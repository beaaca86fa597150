// The schedule the model-vs-impl throughput benchmarks run (bench/impl and
// `dynamo-testbed bench`): many ops over many keys, one short crash, so the
// time goes to the protocol's hot paths rather than to fault handling.
#pragma once

#include <cstdint>

#include "core/schedule.h"

namespace dt {

// REQUIRES: ops > 0, keys > 0.
Schedule throughput_schedule(uint64_t seed, uint32_t ops, uint32_t keys);

}  // namespace dt
