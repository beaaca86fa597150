// A node failure process as schedule data: every node alternates up and down
// with exponential times to failure (mean mttf) and to repair (mean mttr),
// drawn from one seeded Prng, so a run that uses it stays replayable from its
// schedule. Also answers what the process implies without running anything:
// which nodes are up at an instant, and for how much of the time a partition
// has fewer than `needed` of its home replicas up.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "core/prng.h"
#include "core/schedule.h"
#include "core/types.h"
#include "report/svg_plot.h"

namespace dt {

struct DownInterval {
  TimeNs from_ns = 0;  // crash
  TimeNs to_ns = 0;    // restart (or the end of the horizon)
  bool wiped = false;  // the disk was lost too (a wipe right after the crash)
};

struct FailureProcess {
  uint32_t nodes = 0;
  TimeNs horizon_ns = 0;
  std::vector<std::vector<DownInterval>> down;  // per node, ascending, disjoint

  bool is_up(NodeId node, TimeNs at_ns) const;
  // crash (+ wipe) and restart events (restart only when it falls inside the
  // horizon), sorted by time then node.
  std::vector<ScheduleEvent> events() const;
  // The fraction of node-time spent down.
  double down_fraction() const;
};

// An exponential draw with the given mean, in ns (at least 1).
TimeNs exponential_ns(Prng& prng, double mean_ns);

// REQUIRES: mttf_ns, mttr_ns > 0; wipe_ppm <= 1e6 (the share of failures that
// also lose the disk, in parts per million).
FailureProcess draw_failure_process(uint64_t seed, uint32_t nodes, TimeNs horizon_ns,
                                    double mttf_ns, double mttr_ns, uint32_t wipe_ppm = 0);

// Cascades: after each failure in `process`, with probability share_ppm / 1e6
// another node (drawn uniformly) fails too, an exponential delay (mean
// delay_ns) later, for an exponential repair time (mean mttr_ns), and loses
// its disk with probability wipe_ppm / 1e6. In a small cluster that node is
// often a fallback holding hints for the first. Overlapping down intervals
// of one node merge.
void add_cascading_failures(FailureProcess& process, uint64_t seed, uint32_t share_ppm,
                            double delay_ns, double mttr_ns, uint32_t wipe_ppm);

// The time-average over partitions of "fewer than `needed` of the partition's
// first `replicas` ring-walk nodes are up": the fraction of keys (keys hash
// uniformly onto partitions) that cannot gather `needed` replicas at a
// random instant. needed = W with replicas = N gives strict write
// unavailability; replicas = nodes gives the sloppy bound.
double unavailable_key_fraction(const FailureProcess& process, uint32_t partitions_q,
                                uint32_t replicas, uint32_t needed);

// The x axis experiments plot failure rates on: failures per node-hour of
// virtual time (3600 / mttf_s), log scale.
PlotAxis failure_rate_axis();
inline double failures_per_hour(double mttf_s) { return 3600.0 / mttf_s; }

}  // namespace dt
