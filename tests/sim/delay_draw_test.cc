// Delay draws: uniform is the old range draw, exponential and Pareto have the
// asked mean (over many draws of the simulator's seeded PRNG), every draw
// respects the floor and the cap, and the fixed-point helpers are exact where
// they can be.
#include "sim/delay_draw.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace dt {
namespace {

constexpr int kDraws = 200'000;

DelayShape shape_of(DelayDistribution distribution, TimeNs mean_ns, uint32_t shape_milli) {
  return DelayShape{distribution, 0, 10 * kSecondNs, mean_ns, shape_milli};
}

double sample_mean(const DelayShape& shape, uint64_t seed) {
  Prng prng(seed);
  double sum = 0;
  for (int i = 0; i < kDraws; ++i) sum += static_cast<double>(draw_delay_ns(shape, prng));
  return sum / kDraws;
}

TimeNs sample_median(const DelayShape& shape, uint64_t seed) {
  Prng prng(seed);
  std::vector<TimeNs> draws(kDraws);
  for (TimeNs& d : draws) d = draw_delay_ns(shape, prng);
  std::nth_element(draws.begin(), draws.begin() + kDraws / 2, draws.end());
  return draws[kDraws / 2];
}

TEST(DelayDraw, UniformIsThePrngRangeDraw) {
  const DelayShape shape{DelayDistribution::uniform, 1000, 5000, 0, 0};
  Prng a(3), b(3);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(draw_delay_ns(shape, a), b.between(1000, 5000));
}

TEST(DelayDraw, ExponentialHasItsMeanAndMedian) {
  const DelayShape shape = shape_of(DelayDistribution::exponential, kMillisecondNs, 0);
  // Standard error of the mean: 1 ms / sqrt(200k) = 0.22%.
  EXPECT_NEAR(sample_mean(shape, 11), 1e6, 0.01 * 1e6);
  EXPECT_NEAR(static_cast<double>(sample_median(shape, 12)), 0.693147 * 1e6, 0.01 * 1e6);
}

TEST(DelayDraw, ParetoHasItsMeanScaleAndMedian) {
  // alpha = 3: finite variance (mean^2 / 3), so the sample mean settles.
  const DelayShape shape = shape_of(DelayDistribution::pareto, 3 * kMillisecondNs, 3000);
  EXPECT_NEAR(sample_mean(shape, 21), 3e6, 0.01 * 3e6);
  // scale = mean (alpha - 1) / alpha = 2 ms; median = scale * 2^(1/alpha).
  EXPECT_NEAR(static_cast<double>(sample_median(shape, 22)), 2e6 * 1.259921, 0.01 * 2.5e6);
  Prng prng(23);
  for (int i = 0; i < 10'000; ++i) ASSERT_GE(draw_delay_ns(shape, prng), 2 * kMillisecondNs);
}

TEST(DelayDraw, HeavyParetoHasItsMedian) {
  // alpha = 1.5: infinite variance, the mean converges slowly; the median does not.
  const DelayShape shape = shape_of(DelayDistribution::pareto, 3 * kMillisecondNs, 1500);
  const double scale_ns = 3e6 * 0.5 / 1.5;
  EXPECT_NEAR(static_cast<double>(sample_median(shape, 31)), scale_ns * 1.587401,
              0.01 * scale_ns * 1.6);
}

TEST(DelayDraw, FloorAndCapBoundEveryDraw) {
  for (DelayDistribution d : {DelayDistribution::exponential, DelayDistribution::pareto}) {
    const DelayShape shape{d, 500, 4000, 2000, d == DelayDistribution::pareto ? 1200u : 0u};
    Prng prng(41);
    int capped = 0;
    for (int i = 0; i < 10'000; ++i) {
      const TimeNs delay = draw_delay_ns(shape, prng);
      ASSERT_GE(delay, 500u);
      ASSERT_LE(delay, 4000u);
      capped += delay == 4000 ? 1 : 0;
    }
    EXPECT_GT(capped, 0) << to_string(d);  // the tail reaches the cap
  }
}

TEST(DelayDraw, SameSeedSameDraws) {
  const DelayShape shape = shape_of(DelayDistribution::pareto, kMillisecondNs, 2000);
  Prng a(5), b(5);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(draw_delay_ns(shape, a), draw_delay_ns(shape, b));
}

TEST(DelayDraw, FixedPointLogAndExp) {
  EXPECT_EQ(neg_log2_unit_q32(uint64_t{1} << 63), uint64_t{1} << 32);  // -log2(1/2) = 1
  EXPECT_EQ(neg_log2_unit_q32(1), uint64_t{64} << 32);
  EXPECT_EQ(neg_log2_unit_q32(uint64_t{1} << 62), uint64_t{2} << 32);
  // x = 3 * 2^62: -log2(3/4) = 0.415037...
  EXPECT_NEAR(static_cast<double>(neg_log2_unit_q32(uint64_t{3} << 62)) / 4294967296.0, 0.4150375,
              1e-8);
  EXPECT_EQ(exp2_fraction_q62(0), uint64_t{1} << 62);
  const double q62 = 4611686018427387904.0;
  EXPECT_NEAR(static_cast<double>(exp2_fraction_q62(1u << 31)) / q62, 1.41421356, 1e-8);
  EXPECT_NEAR(static_cast<double>(exp2_fraction_q62(0xC0000000u)) / q62, 1.68179283, 1e-8);
}

// The straightforward forms of the two fixed-point functions (a branch per
// bit), kept here as their specification: the branchless ones in
// sim/delay_draw.cc must give the same bits for every input, or every run
// with exponential or Pareto delays would change its digest.
uint64_t reference_neg_log2_unit_q32(uint64_t x) {
  using u128 = unsigned __int128;
  const uint64_t one_q62 = uint64_t{1} << 62;
  const uint64_t whole = 63 - static_cast<uint64_t>(__builtin_clzll(x));
  uint64_t mantissa = whole >= 62 ? x >> (whole - 62) : x << (62 - whole);
  uint64_t fraction = 0;
  for (int bit = 31; bit >= 0; --bit) {
    mantissa = static_cast<uint64_t>((u128{mantissa} * mantissa) >> 62);
    if (mantissa >= 2 * one_q62) {
      mantissa >>= 1;
      fraction |= uint64_t{1} << bit;
    }
  }
  return (uint64_t{64} << 32) - ((whole << 32) | fraction);
}

TEST(DelayDraw, FixedPointLogMatchesItsBitByBitSpecification) {
  Prng prng(404);
  for (int i = 0; i < 1'000'000; ++i) {
    // Every magnitude: shift a draw right by 0-63 bits.
    const uint64_t x = (prng.next_u64() >> prng.below(64)) | 1;
    ASSERT_EQ(neg_log2_unit_q32(x), reference_neg_log2_unit_q32(x)) << "x = " << x;
  }
}

TEST(DelayDraw, FixedPointExpMatchesItsBitByBitSpecification) {
  using u128 = unsigned __int128;
  // 2^(2^-(i+1)) as Q62, recovered from the function itself: one bit set.
  std::vector<uint64_t> roots;
  for (int i = 0; i < 32; ++i) roots.push_back(exp2_fraction_q62(1u << (31 - i)));
  Prng prng(405);
  for (int i = 0; i < 1'000'000; ++i) {
    const auto fraction = static_cast<uint32_t>(prng.next_u64());
    u128 expected = uint64_t{1} << 62;
    for (int b = 0; b < 32; ++b) {
      if ((fraction >> (31 - b)) & 1u) expected = (expected * roots[b]) >> 62;
    }
    ASSERT_EQ(exp2_fraction_q62(fraction), static_cast<uint64_t>(expected))
        << "fraction = " << fraction;
  }
}

}  // namespace
}  // namespace dt
