// The PBS closed form (Bailis et al., "Probabilistically Bounded Staleness
// for Practical Partial Quorums", VLDB 2012) for the regime without
// propagation: a write reached exactly W of the N replicas and a read asks R
// replicas chosen uniformly at random; it is stale when none of them holds
// the write: P(stale) = C(N-W, R) / C(N, R).
#pragma once

#include <cstdint>

namespace dt {

// C(n, k) exactly as a long double (0 when k > n). REQUIRES: n <= 60.
long double binomial(uint32_t n, uint32_t k);

// C(N-W, R) / C(N, R). REQUIRES: 1 <= R, W <= N <= 60.
double pbs_stale_probability(uint32_t replicas_n, uint32_t read_quorum_r,
                             uint32_t write_quorum_w);

}  // namespace dt
