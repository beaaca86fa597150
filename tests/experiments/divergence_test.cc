#include <gtest/gtest.h>

#include "tests/experiments/experiment_runner.h"

namespace dt {
namespace {

const std::vector<std::string> kTinyDivergence = {"nodes=5",      "carts=3",      "ops=400",
                                                  "duration_s=5", "mttf_s=1e9,5", "mttr_s=2"};

TEST(DivergenceTest, SharesAddUpAndConcurrencyCreatesSiblings) {
  std::vector<std::string> params = kTinyDivergence;
  params.push_back("clients=1,12");
  const Result<ExperimentResult> result = run_named("divergence", params);
  ASSERT_TRUE(result.is_ok()) << result.error();
  ASSERT_EQ(result.value().points.size(), 4u);
  for (const PointSummary& point : result.value().points) {
    double total = 0;
    for (const char* m : {"versions_1", "versions_2", "versions_3", "versions_4plus"}) {
      total += metric(point, m).interval.mean;
    }
    EXPECT_NEAR(total, 1.0, 1e-9) << point.point.label();
  }
  // One client, no failures: every read follows the last write, one version.
  const PointSummary& calm = result.value().points[0];
  ASSERT_EQ(calm.point.label(), "clients=1 mttf_s=1e+09");
  EXPECT_GT(metric(calm, "versions_1").trials, 50u);
  EXPECT_EQ(metric(calm, "versions_1").interval.mean, 1.0);
  // Twelve clients on three carts under failures: concurrent adds diverge.
  const PointSummary& busy = result.value().points[3];
  EXPECT_LT(metric(busy, "versions_1").interval.mean, 1.0);
}

TEST(DivergenceTest, NotesCompareWithThePaper) {
  const ExperimentSpec* spec = find_experiment("divergence");
  ASSERT_NE(spec, nullptr);
  std::vector<std::string> params = kTinyDivergence;
  params.push_back("clients=4");
  const Params parsed = parse_params(spec->params, params).value();
  const ExperimentResult result = run_experiment(*spec, parsed, {1, 1, 1, nullptr}).value();
  const std::string notes = spec->notes(parsed, result.points);
  EXPECT_NE(notes.find("Dynamo paper"), std::string::npos);
  EXPECT_NE(notes.find("99.94000%"), std::string::npos);
  EXPECT_NE(notes.find("4+"), std::string::npos);
}

TEST(DivergenceTest, QuorumsMustFitReplicas) {
  const Result<ExperimentResult> result = run_named("divergence", {"r=4"});
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.error(), "--param r: 4 is more than n (3)");
}

}  // namespace
}  // namespace dt
