#include <gtest/gtest.h>

#include "tests/experiments/experiment_runner.h"

namespace dt {
namespace {

Result<ExperimentResult> run_availability(const std::vector<std::string>& assignments) {
  return run_named("availability", assignments);
}

const std::vector<std::string> kTinyAvailability = {
    "nodes=8", "n=3", "w=2", "mttf_s=4", "mttr_s=2", "duration_s=6", "write_rate_per_s=20",
    "keys=40"};

TEST(AvailabilityTest, SloppyQuorumsAreAtLeastAsAvailableAsStrict) {
  const Result<ExperimentResult> result = run_availability(kTinyAvailability);
  ASSERT_TRUE(result.is_ok()) << result.error();
  ASSERT_EQ(result.value().points.size(), 2u);
  const PointSummary& strict = result.value().points[0];
  const PointSummary& sloppy = result.value().points[1];
  ASSERT_EQ(strict.point.get("mode"), "strict");
  const MetricSummary* strict_writes = strict.find("write_success");
  const MetricSummary* sloppy_writes = sloppy.find("write_success");
  ASSERT_NE(strict_writes, nullptr);
  ASSERT_NE(sloppy_writes, nullptr);
  EXPECT_GT(strict_writes->trials, 100u);
  EXPECT_GE(sloppy_writes->interval.mean, strict_writes->interval.mean);
  EXPECT_GT(strict.find("keys_unavailable")->interval.mean,
            sloppy.find("keys_unavailable")->interval.mean);
  // A key is unwritable only while some node is down.
  EXPECT_LE(strict.find("keys_unavailable")->interval.mean,
            strict.find("some_node_down")->interval.mean);
  // The same failures drive both modes.
  EXPECT_EQ(strict.find("node_down_fraction")->per_seed,
            sloppy.find("node_down_fraction")->per_seed);
}

// 200 nodes are simulated (probing ring neighbours only, probe_scope auto):
// strict W=2 loses writes about as often as keys lack two live homes.
TEST(AvailabilityTest, LargeClustersAreSimulated) {
  const Result<ExperimentResult> result =
      run_availability({"nodes=200", "modes=strict", "n=3", "w=2", "mttf_s=10", "duration_s=8",
                        "write_rate_per_s=100"});
  ASSERT_TRUE(result.is_ok()) << result.error();
  const PointSummary& point = result.value().points.at(0);
  const MetricSummary* writes = point.find("write_success");
  ASSERT_NE(writes, nullptr);
  EXPECT_GT(writes->trials, 500u);
  ASSERT_NE(point.find("keys_unavailable"), nullptr);
  const double unwritable = point.find("keys_unavailable")->interval.mean;
  EXPECT_GT(unwritable, 0.005);
  EXPECT_LT(writes->interval.mean, 1.0);
  EXPECT_NEAR(1 - writes->interval.mean, unwritable, 0.05);
}

TEST(AvailabilityTest, ClustersPastTheConfigLimitGetTheAnalyticMeasureOnly) {
  const Result<ExperimentResult> result =
      run_availability({"nodes=2000", "modes=strict", "n=3", "w=2", "mttf_s=10", "duration_s=5",
                        "partitions_per_node=1"});
  ASSERT_TRUE(result.is_ok()) << result.error();
  const PointSummary& point = result.value().points.at(0);
  EXPECT_EQ(point.find("write_success"), nullptr);
  ASSERT_NE(point.find("keys_unavailable"), nullptr);
  EXPECT_GT(point.find("keys_unavailable")->interval.mean, 0);
}

TEST(AvailabilityTest, OneProbeScopeAtATime) {
  const Result<ExperimentResult> result = run_availability({"probe_scope=all,neighbors"});
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.error(), "--param probe_scope: give one of auto, all, neighbors");
}

TEST(AvailabilityTest, QuorumLargerThanReplicasIsRejected) {
  const Result<ExperimentResult> result = run_availability({"n=3", "w=4"});
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.error(), "--param w: 4 is more than n (3)");
  EXPECT_FALSE(run_availability({"nodes=2", "n=3"}).is_ok());
}

}  // namespace
}  // namespace dt
