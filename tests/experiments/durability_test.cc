#include <gtest/gtest.h>

#include "tests/experiments/experiment_runner.h"

namespace dt {
namespace {

// Small and harsh: every failure cascades, W = 1, so hinted-only writes occur.
const std::vector<std::string> kTinyDurability = {"nodes=5",      "n=3",
                                                  "w=1",          "mttf_s=3",
                                                  "mttr_s=2",     "cascade_share=1",
                                                  "duration_s=5", "write_rate_per_s=20",
                                                  "keys=10",      "thresholds_ms=1,100,10000"};

TEST(DurabilityTest, VolatileHintsLoseAtLeastAsMuchAsDurable) {
  const Result<ExperimentResult> result = run_named("durability", kTinyDurability, 3);
  ASSERT_TRUE(result.is_ok()) << result.error();
  ASSERT_EQ(result.value().points.size(), 2u);
  const PointSummary& durable = result.value().points[0];
  const PointSummary& volatile_ = result.value().points[1];
  ASSERT_EQ(durable.point.get("hint_store"), "durable");
  EXPECT_GT(metric(durable, "write_lost").trials, 100u);
  EXPECT_GE(metric(volatile_, "write_lost").interval.mean,
            metric(durable, "write_lost").interval.mean);
  EXPECT_EQ(metric(durable, "hints_lost_on_crash").interval.mean, 0);
  EXPECT_GT(metric(volatile_, "hints_lost_on_crash").interval.mean, 0);
  for (const PointSummary* point : {&durable, &volatile_}) {
    // Every loss is explained by faults; anything else would be a bug.
    EXPECT_EQ(metric(*point, "lost_unexplained").interval.mean, 0);
    // The distribution is read off one curve: longer windows are rarer.
    const double over_1 = metric(*point, "window_over_1ms").interval.mean;
    const double over_100 = metric(*point, "window_over_100ms").interval.mean;
    const double over_10000 = metric(*point, "window_over_10000ms").interval.mean;
    EXPECT_GE(over_1, over_100);
    EXPECT_GE(over_100, over_10000);
    EXPECT_GE(over_10000, metric(*point, "write_lost").interval.mean - 1e-12);
    EXPECT_LE(metric(*point, "window_p50_ms").interval.mean,
              metric(*point, "window_p99_ms").interval.mean);
  }
}

TEST(DurabilityTest, NoFailuresNoLossesAndShortWindows) {
  const Result<ExperimentResult> result =
      run_named("durability", {"nodes=5", "n=3", "w=2", "mttf_s=1e9", "duration_s=3",
                               "write_rate_per_s=20", "keys=10", "hint_stores=volatile"});
  ASSERT_TRUE(result.is_ok()) << result.error();
  const PointSummary& point = result.value().points.at(0);
  EXPECT_EQ(metric(point, "write_lost").successes, 0u);
  EXPECT_EQ(metric(point, "window_over_10000ms").successes, 0u);
  // The third copy lands a network hop or two after the W = 2 ack.
  EXPECT_LT(metric(point, "window_p99_ms").interval.mean, 50);
}

// Past 64 nodes (probe_scope auto: ring neighbours only) the accounting
// still explains every loss.
TEST(DurabilityTest, ALargeClusterExplainsEveryLoss) {
  const Result<ExperimentResult> result =
      run_named("durability", {"nodes=120", "n=3", "w=1", "mttf_s=20", "mttr_s=2",
                               "cascade_share=1", "duration_s=4", "write_rate_per_s=50",
                               "keys=40", "hint_stores=volatile"});
  ASSERT_TRUE(result.is_ok()) << result.error();
  const PointSummary& point = result.value().points.at(0);
  EXPECT_GT(metric(point, "write_lost").trials, 150u);
  EXPECT_EQ(metric(point, "lost_unexplained").interval.mean, 0);
}

TEST(DurabilityTest, BadParamsAreRejected) {
  EXPECT_FALSE(run_named("durability", {"probe_scope=auto,all"}).is_ok());
  EXPECT_FALSE(run_named("durability", {"w=4"}).is_ok());
  EXPECT_FALSE(run_named("durability", {"hint_stores=durable,paper"}).is_ok());
  EXPECT_FALSE(run_named("durability", {"wipe_share=1.5"}).is_ok());
}

}  // namespace
}  // namespace dt
