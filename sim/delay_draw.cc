#include "sim/delay_draw.h"

#include <array>

namespace dt {

namespace {

using u128 = unsigned __int128;

constexpr uint64_t kOneQ62 = uint64_t{1} << 62;
// ln 2 as a 64-bit binary fraction (0.B17217F7D1CF79AB...).
constexpr uint64_t kLn2Q64 = 0xB17217F7D1CF79ABULL;

uint64_t isqrt_u128(u128 n) {
  // Newton from above: converges to floor(sqrt(n)) without overflow.
  if (n == 0) return 0;
  u128 x = n;
  u128 y = (x + 1) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  DT_ASSERT(x * x <= n && (x + 1) * (x + 1) > n, "isqrt off");
  return static_cast<uint64_t>(x);
}

// kRoots[i] = 2^(2^-(i+1)) as Q62, by repeated integer square roots of 2.
const std::array<uint64_t, 32>& roots_of_two_q62() {
  static const std::array<uint64_t, 32> roots = [] {
    std::array<uint64_t, 32> r{};
    u128 value = u128{2} << 62;  // 2.0 in Q62
    for (uint64_t& root : r) {
      root = isqrt_u128(value << 62);
      value = root;
    }
    return r;
  }();
  return roots;
}

// A uniform draw in [1, 2^64): zero would be -log2(0) = infinity.
uint64_t nonzero_u64(Prng& prng) {
  uint64_t x = prng.next_u64();
  while (x == 0) x = prng.next_u64();
  return x;
}

// Floor plus draw, capped: the cap keeps every delay <= max_ns.
TimeNs floor_plus_capped(const DelayShape& shape, u128 draw_ns) {
  const u128 total = u128{shape.min_ns} + draw_ns;
  return total > shape.max_ns ? shape.max_ns : static_cast<TimeNs>(total);
}

TimeNs draw_exponential_ns(const DelayShape& shape, Prng& prng) {
  // Exp(mean) = mean * ln2 * (-log2 U), U uniform in (0, 1].
  const uint64_t neg_log2_q32 = neg_log2_unit_q32(nonzero_u64(prng));
  const u128 neg_ln_q32 = (u128{neg_log2_q32} * kLn2Q64) >> 64;
  const u128 draw_ns = (u128{shape.mean_ns} * neg_ln_q32 + (u128{1} << 31)) >> 32;
  return floor_plus_capped(shape, draw_ns);
}

TimeNs draw_pareto_ns(const DelayShape& shape, Prng& prng) {
  // Pareto(scale, alpha) = scale * U^(-1/alpha) = scale * 2^(-log2 U / alpha);
  // scale = mean * (alpha - 1) / alpha gives the asked mean.
  const uint64_t alpha_milli = shape.pareto_shape_milli;
  const u128 scale_ns = u128{shape.mean_ns} * (alpha_milli - 1000) / alpha_milli;
  const uint64_t neg_log2_q32 = neg_log2_unit_q32(nonzero_u64(prng));
  const uint64_t exponent_q32 = neg_log2_q32 * 1000 / alpha_milli;  // <= 64 * 2^32
  const uint64_t whole = exponent_q32 >> 32;
  // 2^40 * scale is past any cap (max_ns <= 10 s < 2^34 ns).
  if (whole >= 40) return shape.max_ns;
  const u128 mantissa_q62 = exp2_fraction_q62(static_cast<uint32_t>(exponent_q32));
  const u128 draw_ns = ((scale_ns * mantissa_q62) >> 62) << whole;
  return floor_plus_capped(shape, draw_ns);
}

}  // namespace

DelayShape base_delay_shape(const Config& config) {
  return DelayShape{config.network_delay_distribution, config.network_delay_min_ns,
                    config.network_delay_max_ns, config.network_delay_mean_ns,
                    config.network_delay_pareto_shape_milli};
}

uint64_t neg_log2_unit_q32(uint64_t x) {
  DT_ASSERT(x != 0, "log2 of zero");
  const uint64_t whole = 63 - static_cast<uint64_t>(__builtin_clzll(x));
  // Mantissa in [1, 2) as Q62; each squaring yields one fraction bit.
  uint64_t mantissa = whole >= 62 ? x >> (whole - 62) : x << (62 - whole);
  uint64_t fraction = 0;
  for (int bit = 31; bit >= 0; --bit) {
    // The square is in [1, 4) as Q62: at least 2 exactly when its top bit is
    // set. Shifting by that bit, rather than branching on it, saves a branch
    // that mispredicts half the time (the same bits either way).
    mantissa = static_cast<uint64_t>((u128{mantissa} * mantissa) >> 62);
    const uint64_t at_least_two = mantissa >> 63;
    mantissa >>= at_least_two;
    fraction |= at_least_two << bit;
  }
  const uint64_t log2_q32 = (whole << 32) | fraction;
  const uint64_t result = (uint64_t{64} << 32) - log2_q32;
  DT_ASSERT(result > 0 && result <= (uint64_t{64} << 32), "-log2 out of (0, 64]");
  return result;
}

uint64_t exp2_fraction_q62(uint32_t fraction_q32) {
  const auto& roots = roots_of_two_q62();
  uint64_t value = kOneQ62;  // stays in [1, 2) as Q62
  for (int i = 0; i < 32; ++i) {
    // A clear bit multiplies by exactly 1.0 (value * 2^62 >> 62 == value):
    // the same result as skipping it, without a data-dependent branch.
    const uint64_t factor = ((fraction_q32 >> (31 - i)) & 1u) ? roots[i] : kOneQ62;
    value = static_cast<uint64_t>((u128{value} * factor) >> 62);
  }
  DT_ASSERT(value >= kOneQ62 && value < 2 * kOneQ62, "2^f out of [1, 2)");
  return value;
}

TimeNs draw_delay_ns(const DelayShape& shape, Prng& prng) {
  DT_ASSERT(shape.min_ns <= shape.max_ns, "delay range inverted");
  switch (shape.distribution) {
    case DelayDistribution::uniform:
      return prng.between(shape.min_ns, shape.max_ns);
    case DelayDistribution::exponential:
      DT_ASSERT(shape.mean_ns > 0, "exponential delay without a mean");
      return draw_exponential_ns(shape, prng);
    case DelayDistribution::pareto:
      DT_ASSERT(shape.mean_ns > 0 && shape.pareto_shape_milli > 1000, "bad Pareto delay");
      return draw_pareto_ns(shape, prng);
  }
  DT_ASSERT(false, "unknown delay distribution");
  return 0;
}

}  // namespace dt
