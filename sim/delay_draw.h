// Per-message delay draws for the network: uniform in a range, or a floor
// plus an exponential or Pareto draw with a given mean, capped at a maximum.
// Integer fixed-point arithmetic only (no libm, no <random>), so a seed gives
// the same delays on every machine, compiler and standard library.
#pragma once

#include <cstdint>

#include "core/config.h"
#include "core/prng.h"
#include "core/types.h"

namespace dt {

struct DelayShape {
  DelayDistribution distribution = DelayDistribution::uniform;
  TimeNs min_ns = 0;  // uniform: lower bound; others: floor added to the draw
  TimeNs max_ns = 0;  // uniform: upper bound; others: cap
  TimeNs mean_ns = 0;                   // exponential, pareto: mean of the draw
  uint32_t pareto_shape_milli = 0;      // pareto: alpha x 1000, > 1000
  friend bool operator==(const DelayShape&, const DelayShape&) = default;
};

// The config's base delay.
DelayShape base_delay_shape(const Config& config);

// One delay. Uniform draws exactly prng.between(min_ns, max_ns), so runs
// that predate the other distributions keep their digests.
// REQUIRES: min_ns <= max_ns; mean_ns > 0 unless uniform; shape > 1000 for pareto.
TimeNs draw_delay_ns(const DelayShape& shape, Prng& prng);

// Fixed-point helpers, exposed for tests. Q32 = value x 2^32.
// -log2(x / 2^64) for x in [1, 2^64): in (0, 64] as Q32.
uint64_t neg_log2_unit_q32(uint64_t x);
// 2^(f / 2^32) for f in [0, 2^32) as Q62 (a value in [1, 2)).
uint64_t exp2_fraction_q62(uint32_t fraction_q32);

}  // namespace dt
