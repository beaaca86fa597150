// A simulator-free load driver for benchmarks: a cluster of nodes from one
// factory, messages delivered in FIFO order in-process, no timers, no faults,
// one client op at a time (each drains before the next), an anti-entropy and
// a handoff round every `round_every_ops` ops. It measures the protocol's own
// cost per op, which in a full simulator run is diluted by the event queue.
#pragma once

#include <cstdint>

#include "core/node.h"

namespace dt {

struct DirectLoad {
  uint32_t ops = 100'000;
  uint32_t keys = 10'000;
  uint32_t round_every_ops = 1'000;
  uint64_t seed = 1;
};

struct DirectLoadResult {
  uint64_t client_ops = 0;
  uint64_t node_events = 0;     // calls into a node (requests, messages, timers)
  uint64_t replies_digest = 0;  // every client reply's status and context, in order
};

// REQUIRES: a valid config; load.ops, load.keys > 0.
DirectLoadResult run_direct_load(NodeFactory factory, const Config& config,
                                 const DirectLoad& load);

}  // namespace dt
