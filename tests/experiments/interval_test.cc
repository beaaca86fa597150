#include "experiments/interval.h"

#include <cmath>

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(IntervalTest, StudentQuantilesMatchTables) {
  EXPECT_NEAR(student_t95(1), 12.706, 1e-3);
  EXPECT_NEAR(student_t95(4), 2.776, 1e-3);
  EXPECT_NEAR(student_t95(30), 2.042, 1e-3);
  EXPECT_NEAR(student_t95(1000), 1.960, 1e-3);
}

TEST(IntervalTest, MeanIntervalUsesStudentT) {
  const Interval i = mean_interval({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(i.mean, 3);
  // s = sqrt(2.5), se = s / sqrt(5), t(4) = 2.776.
  EXPECT_NEAR(i.high - i.mean, 2.776 * std::sqrt(2.5 / 5), 1e-6);
  EXPECT_NEAR(i.mean - i.low, i.high - i.mean, 1e-12);
  const Interval one = mean_interval({7});
  EXPECT_EQ(one.low, 7);
  EXPECT_EQ(one.high, 7);
}

TEST(IntervalTest, WilsonMatchesKnownValues) {
  const Interval half = wilson_interval(5, 10);
  EXPECT_NEAR(half.low, 0.2366, 1e-4);
  EXPECT_NEAR(half.high, 0.7634, 1e-4);
  const Interval none = wilson_interval(0, 10);
  EXPECT_EQ(none.low, 0);
  EXPECT_NEAR(none.high, 0.2775, 1e-4);
  const Interval all = wilson_interval(1000, 1000);
  EXPECT_EQ(all.high, 1);
  EXPECT_NEAR(all.low, 0.99617, 1e-5);
  const Interval empty = wilson_interval(0, 0);
  EXPECT_EQ(empty.low, 0);
  EXPECT_EQ(empty.high, 1);
}

TEST(IntervalTest, WilsonAtAnotherLevel) {
  // 30 of 100 at 95% (z = 1.96): 0.2189..0.3959; at 99.9% (z = 3.2905) wider.
  const Interval at95 = wilson_interval_at(30, 100, 1.959963984540054);
  EXPECT_EQ(at95.low, wilson_interval(30, 100).low);
  EXPECT_NEAR(at95.low, 0.2189, 1e-4);
  EXPECT_NEAR(at95.high, 0.3959, 1e-4);
  const Interval at999 = wilson_interval_at(30, 100, 3.2905);
  EXPECT_LT(at999.low, at95.low);
  EXPECT_GT(at999.high, at95.high);
}

}  // namespace
}  // namespace dt
