// The one deterministic random source. The simulator owns it and splits it per
// subsystem (network, clients, faults); nodes never draw randomness.
// xoshiro256** seeded through splitmix64; no <random> distributions because
// their output differs between standard libraries.
#pragma once

#include <cstdint>

#include "core/assert.h"

namespace dt {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Prng {
 public:
  explicit Prng(uint64_t seed) {
    uint64_t sm = seed;
    for (auto& word : s_) word = splitmix64(sm);
  }

  uint64_t next_u64() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, bound). Rejection sampling keeps it unbiased and portable.
  uint64_t below(uint64_t bound) {
    DT_ASSERT(bound > 0, "below(0)");
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x = next_u64();
    while (x >= limit) x = next_u64();
    return x % bound;
  }

  // Uniform in [lo, hi], both inclusive.
  uint64_t between(uint64_t lo, uint64_t hi) {
    DT_ASSERT(lo <= hi, "between(lo, hi) with lo > hi");
    if (lo == 0 && hi == UINT64_MAX) return next_u64();
    return lo + below(hi - lo + 1);
  }

  // True with probability ppm / 1'000'000 (integer rates keep runs portable).
  bool chance_ppm(uint32_t ppm) {
    DT_ASSERT(ppm <= 1'000'000, "probability above 1");
    return below(1'000'000) < ppm;
  }

  // An independent stream for a subsystem, derived from this one's seed material.
  Prng split(uint64_t stream_id) {
    uint64_t sm = next_u64() ^ (stream_id * 0xD1B54A32D192ED03ULL);
    return Prng(splitmix64(sm));
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace dt
