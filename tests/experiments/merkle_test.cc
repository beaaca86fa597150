// The `merkle` experiment end to end on a small key count.
#include <gtest/gtest.h>

#include "tests/experiments/experiment_runner.h"

namespace dt {
namespace {

TEST(MerkleTest, OneDifferingKeyCostsTwoComparisonsPerLevelOnEverySeed) {
  const Result<ExperimentResult> result =
      run_named("merkle", {"keys=65536", "depths=8,10", "differing=0,1,50"});
  ASSERT_TRUE(result.is_ok()) << result.error();
  const std::vector<PointSummary>& points = result.value().points;
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[1].point.label(), "depth=8 differing=1");
  const MetricSummary& one = metric(points[1], "comparisons");
  EXPECT_EQ(one.per_seed, (std::vector<double>{16, 16}));
  EXPECT_EQ(metric(points[0], "keys_moved").interval.mean, 0);
  // More differing keys cost more, and never more than a full exchange.
  EXPECT_GT(metric(points[2], "keys_moved").interval.mean,
            metric(points[1], "keys_moved").interval.mean);
  EXPECT_LT(metric(points[2], "fraction_of_full_exchange").interval.mean, 1.0);
}

}  // namespace
}  // namespace dt
