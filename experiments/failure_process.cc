// Drawing and analysing node failure processes (failure_process.h).
#include "experiments/failure_process.h"

#include <algorithm>
#include <cmath>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

bool FailureProcess::is_up(NodeId node, TimeNs at_ns) const {
  DT_ASSERT(node < down.size(), "node out of range");
  for (const DownInterval& interval : down[node]) {
    if (at_ns < interval.from_ns) return true;
    if (at_ns < interval.to_ns) return false;
  }
  return true;
}

std::vector<ScheduleEvent> FailureProcess::events() const {
  std::vector<ScheduleEvent> events;
  for (NodeId node = 0; node < down.size(); ++node) {
    for (const DownInterval& interval : down[node]) {
      ScheduleEvent crash;
      crash.at_ns = interval.from_ns;
      crash.kind = EventKind::crash;
      crash.node = node;
      events.push_back(crash);
      if (interval.wiped) {
        ScheduleEvent wipe = crash;
        wipe.kind = EventKind::wipe;
        events.push_back(wipe);
      }
      if (interval.to_ns >= horizon_ns) continue;
      ScheduleEvent restart = crash;
      restart.at_ns = interval.to_ns;
      restart.kind = EventKind::restart;
      events.push_back(restart);
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return a.at_ns != b.at_ns ? a.at_ns < b.at_ns : a.node < b.node;
  });
  return events;
}

double FailureProcess::down_fraction() const {
  if (nodes == 0 || horizon_ns == 0) return 0;
  double down_ns = 0;
  for (const auto& intervals : down) {
    for (const DownInterval& interval : intervals) {
      down_ns += static_cast<double>(interval.to_ns - interval.from_ns);
    }
  }
  return down_ns / (static_cast<double>(nodes) * static_cast<double>(horizon_ns));
}

TimeNs exponential_ns(Prng& prng, double mean_ns) {
  DT_ASSERT(mean_ns > 0, "exponential with a non-positive mean");
  // 53 random bits in (0, 1]; log of it is finite.
  const double u = (static_cast<double>(prng.next_u64() >> 11) + 1.0) * 0x1.0p-53;
  const double draw = -mean_ns * std::log(u);
  return std::max<TimeNs>(1, static_cast<TimeNs>(std::min(draw, 1e18)));
}

FailureProcess draw_failure_process(uint64_t seed, uint32_t nodes, TimeNs horizon_ns,
                                    double mttf_ns, double mttr_ns, uint32_t wipe_ppm) {
  DT_ASSERT(mttf_ns > 0 && mttr_ns > 0, "failure process needs positive means");
  FailureProcess process{nodes, horizon_ns, std::vector<std::vector<DownInterval>>(nodes)};
  Prng root(seed);
  for (NodeId node = 0; node < nodes; ++node) {
    Prng prng = root.split(node);
    Prng wipes = prng.split(0x77697065);  // "wipe"
    // Start in the stationary state so the first instants are not all-up.
    const double down_share = mttr_ns / (mttf_ns + mttr_ns);
    bool up = static_cast<double>(prng.below(1'000'000)) >= down_share * 1e6;
    TimeNs at_ns = 0;
    while (at_ns < horizon_ns) {
      const TimeNs length_ns = exponential_ns(prng, up ? mttf_ns : mttr_ns);
      const TimeNs end_ns = std::min(horizon_ns, at_ns + length_ns);
      // The wipe draw comes from its own stream: wipe_ppm leaves the timing alone.
      if (!up) process.down[node].push_back({at_ns, end_ns, wipes.chance_ppm(wipe_ppm)});
      at_ns = end_ns;
      up = !up;
    }
  }
  return process;
}

namespace {

// Sorts one node's intervals and merges overlapping ones (a merged interval
// is wiped when any part was).
void merge_intervals(std::vector<DownInterval>& intervals) {
  std::sort(intervals.begin(), intervals.end(),
            [](const DownInterval& a, const DownInterval& b) { return a.from_ns < b.from_ns; });
  std::vector<DownInterval> merged;
  for (const DownInterval& interval : intervals) {
    if (!merged.empty() && interval.from_ns <= merged.back().to_ns) {
      merged.back().to_ns = std::max(merged.back().to_ns, interval.to_ns);
      merged.back().wiped = merged.back().wiped || interval.wiped;
    } else {
      merged.push_back(interval);
    }
  }
  intervals = std::move(merged);
}

}  // namespace

void add_cascading_failures(FailureProcess& process, uint64_t seed, uint32_t share_ppm,
                            double delay_ns, double mttr_ns, uint32_t wipe_ppm) {
  if (process.nodes < 2) return;
  Prng prng(seed);
  std::vector<std::vector<DownInterval>> extra(process.nodes);
  for (NodeId node = 0; node < process.nodes; ++node) {
    for (const DownInterval& first : process.down[node]) {
      if (!prng.chance_ppm(share_ppm)) continue;
      NodeId second = static_cast<NodeId>(prng.below(process.nodes - 1));
      if (second >= node) ++second;  // any node but the first
      const TimeNs from_ns = first.from_ns + exponential_ns(prng, delay_ns);
      const TimeNs to_ns = std::min(process.horizon_ns, from_ns + exponential_ns(prng, mttr_ns));
      const bool wiped = prng.chance_ppm(wipe_ppm);
      if (from_ns < process.horizon_ns) extra[second].push_back({from_ns, to_ns, wiped});
    }
  }
  for (NodeId node = 0; node < process.nodes; ++node) {
    auto& intervals = process.down[node];
    intervals.insert(intervals.end(), extra[node].begin(), extra[node].end());
    merge_intervals(intervals);
  }
}

PlotAxis failure_rate_axis() {
  return {"node failures per node-hour (1 / mean time to failure)", AxisScale::log10};
}

double unavailable_key_fraction(const FailureProcess& process, uint32_t partitions_q,
                                uint32_t replicas, uint32_t needed) {
  DT_ASSERT(replicas <= process.nodes && needed <= replicas, "bad replica counts");
  if (process.horizon_ns == 0) return 0;
  Config ring_config;
  ring_config.nodes = process.nodes;
  ring_config.partitions_q = partitions_q;
  std::vector<std::vector<uint32_t>> homes_of(process.nodes);  // node -> partitions
  if (replicas == process.nodes) {
    // Every partition reaches every node: one partition stands for all (and
    // skips a quadratic ring walk on big clusters).
    partitions_q = 1;
    for (auto& homes : homes_of) homes.push_back(0);
  } else {
    const std::vector<NodeId> owners = partition_owners(ring_config);
    for (uint32_t p = 0; p < partitions_q; ++p) {
      for (NodeId node : ring_walk(owners, p, replicas)) homes_of[node].push_back(p);
    }
  }
  struct Change {
    TimeNs at_ns;
    NodeId node;
    int delta;  // -1 crash, +1 restart
  };
  std::vector<Change> changes;
  for (NodeId node = 0; node < process.nodes; ++node) {
    for (const DownInterval& d : process.down[node]) {
      changes.push_back({d.from_ns, node, -1});
      changes.push_back({d.to_ns, node, +1});
    }
  }
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return a.at_ns != b.at_ns ? a.at_ns < b.at_ns : a.node < b.node;
  });
  std::vector<uint32_t> up_homes(partitions_q, replicas);
  uint64_t short_partitions = 0;  // partitions with fewer than `needed` up
  double short_time = 0;          // partition-ns
  TimeNs last_ns = 0;
  for (const Change& change : changes) {
    const TimeNs at_ns = std::min(change.at_ns, process.horizon_ns);
    short_time += static_cast<double>(short_partitions) * static_cast<double>(at_ns - last_ns);
    last_ns = at_ns;
    for (uint32_t p : homes_of[change.node]) {
      const bool was_short = up_homes[p] < needed;
      up_homes[p] = static_cast<uint32_t>(static_cast<int>(up_homes[p]) + change.delta);
      const bool is_short = up_homes[p] < needed;
      if (was_short != is_short) {
        short_partitions = is_short ? short_partitions + 1 : short_partitions - 1;
      }
    }
  }
  short_time += static_cast<double>(short_partitions) *
                static_cast<double>(process.horizon_ns - last_ns);
  return short_time / (static_cast<double>(partitions_q) * static_cast<double>(process.horizon_ns));
}

}  // namespace dt
