#include "experiments/failure_process.h"

#include <cmath>

#include <gtest/gtest.h>

namespace dt {
namespace {

constexpr double kSecond = 1e9;

TEST(FailureProcessTest, DownFractionMatchesTheMeans) {
  // Stationary share down = mttr / (mttf + mttr) = 1 / 11.
  const FailureProcess process =
      draw_failure_process(7, 50, 20'000 * kSecondNs, 10 * kSecond, 1 * kSecond);
  EXPECT_NEAR(process.down_fraction(), 1.0 / 11, 0.01);
}

TEST(FailureProcessTest, EventsAlternateAndStayInsideTheHorizon) {
  const TimeNs horizon_ns = 100 * kSecondNs;
  const FailureProcess process = draw_failure_process(3, 5, horizon_ns, 5 * kSecond, kSecond);
  std::vector<bool> down(5, false);
  TimeNs last_ns = 0;
  for (const ScheduleEvent& e : process.events()) {
    EXPECT_GE(e.at_ns, last_ns);
    EXPECT_LT(e.at_ns, horizon_ns);
    last_ns = e.at_ns;
    EXPECT_EQ(down[e.node], e.kind == EventKind::restart);
    down[e.node] = e.kind == EventKind::crash;
    EXPECT_EQ(process.is_up(e.node, e.at_ns), e.kind == EventKind::restart);
  }
}

TEST(FailureProcessTest, SameSeedSameProcess) {
  const auto a = draw_failure_process(9, 8, 50 * kSecondNs, 3 * kSecond, kSecond).events();
  const auto b = draw_failure_process(9, 8, 50 * kSecondNs, 3 * kSecond, kSecond).events();
  const auto c = draw_failure_process(10, 8, 50 * kSecondNs, 3 * kSecond, kSecond).events();
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// With independent nodes down a share p of the time, a key's N homes have
// fewer than W up with probability P(Binomial(N, 1 - p) < W).
TEST(FailureProcessTest, KeyUnavailabilityMatchesTheBinomial) {
  const double p = 1.0 / 5;  // mttf 4, mttr 1
  const FailureProcess process =
      draw_failure_process(11, 100, 5'000 * kSecondNs, 4 * kSecond, 1 * kSecond);
  const double q = 1 - p;
  // N = 3, W = 2: unavailable when 0 or 1 up.
  const double expected = std::pow(p, 3) + 3 * q * p * p;
  EXPECT_NEAR(unavailable_key_fraction(process, 400, 3, 2), expected, 0.01);
  // W = 3: unavailable unless all three up.
  EXPECT_NEAR(unavailable_key_fraction(process, 400, 3, 3), 1 - q * q * q, 0.02);
  // Every node reachable (sloppy): fewer than 2 of 100 up essentially never.
  EXPECT_LT(unavailable_key_fraction(process, 400, 100, 2), 1e-9);
  EXPECT_EQ(unavailable_key_fraction(process, 400, 3, 0), 0);
}

}  // namespace
}  // namespace dt
