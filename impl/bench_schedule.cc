#include "impl/bench_schedule.h"

#include <algorithm>

#include "core/assert.h"
#include "core/schedule_validate.h"

namespace dt {

Schedule throughput_schedule(uint64_t seed, uint32_t ops, uint32_t keys) {
  DT_ASSERT(ops > 0 && keys > 0, "a throughput schedule needs ops and keys");
  Schedule s;
  s.seed = seed;
  s.config.nodes = 5;
  s.config.partitions_q = 16;
  s.config.merkle_depth = 10;
  s.config.quiescence_rounds = 2;
  s.workload.clients = 32;
  s.workload.keys = keys;
  s.workload.ops = ops;
  s.workload.think_min_ns = 1 * kMillisecondNs;
  s.workload.think_max_ns = 2 * kMillisecondNs;
  // Long enough for every client to issue its share at ~2 ms per op.
  // At least 1 s so the crash (at half time) restarts before the end.
  s.workload.duration_ns =
      std::max<TimeNs>(kSecondNs, (uint64_t{ops} / s.workload.clients + 1) * 4 * kMillisecondNs);
  s.workload.final_reads = false;
  ScheduleEvent crash;
  crash.at_ns = s.workload.duration_ns / 2;
  crash.kind = EventKind::crash;
  crash.node = 3;
  ScheduleEvent restart = crash;
  restart.at_ns = crash.at_ns + 300 * kMillisecondNs;
  restart.kind = EventKind::restart;
  s.events = {crash, restart};
  DT_ASSERT(restart.at_ns < s.workload.duration_ns, "restart after the run's end");
  DT_ASSERT(s.config.validate().is_ok(), "throughput schedule has an invalid config");
  return s;
}

Schedule scale_schedule(uint64_t seed, uint32_t nodes, uint32_t ops, uint32_t keys) {
  DT_ASSERT(ops > 0 && keys > 0 && nodes >= 5, "a scale schedule needs ops, keys, 5+ nodes");
  Schedule s;
  s.seed = seed;
  s.config.nodes = nodes;
  s.config.partitions_q = std::max<uint32_t>(16, nodes);  // at least one partition per node
  s.config.merkle_depth = 10;
  s.config.quiescence_rounds = 2;
  // Each node probes its ring neighbours (and whom it suspects), not all
  // nodes: n^2 probes a round would dominate a large cluster. Once a second.
  s.config.probe_scope = ProbeScope::neighbors;
  s.config.probe_interval_ns = 1 * kSecondNs;
  s.workload.clients = std::min<uint32_t>(kMaxClients, ops);
  s.workload.keys = keys;
  s.workload.ops = ops;
  s.workload.think_min_ns = 1 * kMillisecondNs;
  s.workload.think_max_ns = 2 * kMillisecondNs;
  // A rack-local network: an op is 4 hops of 0.5-1 ms and ~1.5 ms of think,
  // under 6 ms; 8 ms per op per client lets every generated op be invoked.
  s.config.network_delay_min_ns = kMillisecondNs / 2;
  s.config.network_delay_max_ns = kMillisecondNs;
  s.workload.duration_ns = (uint64_t{ops} / s.workload.clients + 1) * 8 * kMillisecondNs;
  s.workload.final_reads = false;
  DT_ASSERT(s.config.validate().is_ok(), "scale schedule has an invalid config");
  return s;
}

}  // namespace dt
