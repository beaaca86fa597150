// Building routed-write schedules (write_load.h).
#include "experiments/write_load.h"

#include <algorithm>

#include "core/assert.h"
#include "core/prng.h"

namespace dt {

RoutedSchedule routed_write_schedule(uint64_t seed, const Config& config,
                                     const FailureProcess& process, const WriteLoad& load) {
  DT_ASSERT(config.nodes == process.nodes, "failure process for another cluster size");
  DT_ASSERT(load.rate_per_s > 0 && load.keys > 0, "empty write load");
  RoutedSchedule out;
  Schedule& schedule = out.schedule;
  schedule.seed = seed;
  schedule.config = config;
  schedule.workload.ops = 0;
  schedule.workload.keys = load.keys;
  schedule.workload.clients = std::max<uint32_t>(1, static_cast<uint32_t>(load.rate_per_s));
  schedule.workload.duration_ns = process.horizon_ns;
  schedule.workload.final_reads = false;
  schedule.events = process.events();
  Prng prng = Prng(seed).split(0x77726974);  // "writ"
  const auto writes = static_cast<uint64_t>(load.rate_per_s *
                                            static_cast<double>(process.horizon_ns) / 1e9);
  std::vector<NodeId> up;
  for (uint64_t i = 0; i < writes; ++i) {
    ScheduleEvent put;
    put.at_ns = static_cast<TimeNs>(static_cast<double>(i) / load.rate_per_s * 1e9);
    put.kind = EventKind::put;
    put.process = static_cast<ProcessId>(i % schedule.workload.clients);
    put.key = prng.below(load.keys);
    put.value = static_cast<ElementValue>(i);
    up.clear();
    for (NodeId node = 0; node < process.nodes; ++node) {
      if (process.is_up(node, put.at_ns)) up.push_back(node);
    }
    if (up.empty()) {
      ++out.unroutable_writes;
      continue;
    }
    put.coordinator = up[prng.below(up.size())];
    schedule.events.push_back(put);
  }
  std::stable_sort(schedule.events.begin(), schedule.events.end(),
                   [](const auto& a, const auto& b) { return a.at_ns < b.at_ns; });
  return out;
}

}  // namespace dt
