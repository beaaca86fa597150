// A schedule of routed writes under a failure process: the process's
// crash/wipe/restart events plus scripted puts at a steady rate, each to a
// random key through a random node that is up at that instant (a client-side
// router that knows membership, as Dynamo's partition-aware clients do).
// Everything is schedule data, so a run replays from the file.
#pragma once

#include <cstdint>

#include "core/schedule.h"
#include "experiments/failure_process.h"

namespace dt {

struct WriteLoad {
  double rate_per_s = 50;
  uint32_t keys = 1000;
};

struct RoutedSchedule {
  Schedule schedule;
  uint64_t unroutable_writes = 0;  // instants with no node up: no put scheduled
};

// REQUIRES: config.nodes == process.nodes. The workload generates nothing
// (ops = 0), skips final reads, and ends the safety phase at the process's
// horizon; one process per write per second keeps a client's next write
// after its last one timed out.
RoutedSchedule routed_write_schedule(uint64_t seed, const Config& config,
                                     const FailureProcess& process, const WriteLoad& load);

}  // namespace dt
