// The `staleness` experiment end to end on small parameters: points, the
// t-visibility metric, the no-propagation closed form beside it, the plot.
#include <gtest/gtest.h>

#include "tests/experiments/experiment_runner.h"

namespace dt {
namespace {

TEST(StalenessTest, VisibilityGrowsAndNoPropagationCarriesTheClosedForm) {
  const Result<ExperimentResult> result = run_named(
      "staleness", {"delays=exponential,no_propagation", "n=3", "r=1", "w=1", "t_ms=0,50",
                    "trials=60"});
  ASSERT_TRUE(result.is_ok()) << result.error();
  const std::vector<PointSummary>& points = result.value().points;
  ASSERT_EQ(points.size(), 3u);  // exponential at two t, no propagation once
  const MetricSummary& at_ack = metric(points[0], "consistent");
  const MetricSummary& later = metric(points[1], "consistent");
  EXPECT_EQ(at_ack.trials, 120u);  // 60 trials x 2 seeds
  EXPECT_LT(at_ack.interval.mean, later.interval.mean);
  EXPECT_GT(later.interval.mean, 0.9);
  ASSERT_EQ(points[2].point.get("delays"), "no_propagation");
  EXPECT_DOUBLE_EQ(metric(points[2], "closed_form_consistent").interval.mean, 1.0 / 3.0);
  const ExperimentSpec* spec = find_experiment("staleness");
  ASSERT_NE(spec, nullptr);
  const Result<Params> params = parse_params(spec->params, {});
  ASSERT_TRUE(params.is_ok());
  EXPECT_NE(spec->notes(params.value(), points).find("closed form"), std::string::npos);
  const auto plots = spec->plots(params.value(), points);
  ASSERT_EQ(plots.size(), 1u);
  ASSERT_EQ(plots[0].second.series.size(), 1u);  // no propagation is not a curve in t
  EXPECT_EQ(plots[0].second.series[0].points.size(), 2u);
}

TEST(StalenessTest, QuorumLargerThanReplicasIsRejected) {
  const Result<ExperimentResult> result = run_named("staleness", {"n=3", "r=4"});
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.error(), "--param r: 4 is more than n (3)");
}

}  // namespace
}  // namespace dt
