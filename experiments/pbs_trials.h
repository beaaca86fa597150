// Staleness of partial quorums, measured with the real nodes (PBS, Bailis et
// al. VLDB 2012). Two measurements:
// - without propagation: each put reaches exactly W of the N home replicas
//   (the writer's links to the other N-W drop everything) and nothing else
//   spreads it before the read (strict quorums: no hints; anti-entropy and
//   handoff intervals far beyond the trial); the get asks all N and answers
//   with the first R replies, which are a uniformly random R-subset because
//   every reply crosses the network with independent identically distributed
//   delays. The stale fraction estimates C(N-W, R) / C(N, R).
// - t-visibility: the put goes to all N; a get t ns after the ack sees it
//   with a probability that grows with t as the write's own messages arrive.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

struct StaleCount {
  uint64_t reads = 0;  // gets that answered (puts that failed are not trials)
  uint64_t stale = 0;  // of those, gets that missed the put
};

// The no-propagation regime's config: N + 2 nodes (two outside coordinators),
// strict quorums, background repair slower than any trial.
Config no_propagation_config(uint32_t replicas_n, uint32_t read_quorum_r,
                             uint32_t write_quorum_w);

// `trials` independent put-then-get trials (one fresh key each) drawn from
// `seed`; which W replicas the put reaches is drawn uniformly per trial.
StaleCount simulate_without_propagation(uint32_t replicas_n, uint32_t read_quorum_r,
                                        uint32_t write_quorum_w, uint64_t seed,
                                        uint32_t trials);

struct VisibilityPoint {
  TimeNs t_ns = 0;          // get invoked this long after the put's ok
  uint64_t reads = 0;       // gets that answered
  uint64_t consistent = 0;  // of those, gets that returned the put
};

// For each t in `t_grid_ns`, `trials` put-then-get trials under `config`
// (REQUIRES: valid, nodes >= N + 2). Trial i uses key i and a seed drawn from
// `seed`, the same for every t, so the curve compares like with like.
std::vector<VisibilityPoint> simulate_t_visibility(const Config& config,
                                                   const std::vector<TimeNs>& t_grid_ns,
                                                   uint64_t seed, uint32_t trials);

}  // namespace dt
