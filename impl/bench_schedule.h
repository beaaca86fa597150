// The schedule the model-vs-impl throughput benchmarks run (bench/impl and
// `dynamo-testbed bench`): many ops over many keys, one short crash, so the
// time goes to the protocol's hot paths rather than to fault handling.
#pragma once

#include <cstdint>

#include "core/schedule.h"

namespace dt {

// REQUIRES: ops > 0, keys > 0.
Schedule throughput_schedule(uint64_t seed, uint32_t ops, uint32_t keys);

// The large-cluster run of `dynamo-testbed bench`: `nodes` nodes, the most
// clients a schedule may have, no faults, probes once a second, a 0.5-1 ms
// network and a safety phase long enough to invoke every op, so it measures
// how the simulator and the nodes scale with cluster size and op count.
// REQUIRES: ops > 0, keys > 0, 5 <= nodes <= the config's node limit.
Schedule scale_schedule(uint64_t seed, uint32_t nodes, uint32_t ops, uint32_t keys);

}  // namespace dt
