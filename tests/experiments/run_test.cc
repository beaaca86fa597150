#include "experiments/run.h"

#include <gtest/gtest.h>

#include "experiments/output.h"
#include "tests/experiments/toy_experiment.h"

namespace dt {
namespace {

ExperimentResult run_toy(uint32_t seeds, uint32_t jobs) {
  const ExperimentSpec spec = toy_experiment();
  const Params params = parse_params(spec.params, {}).value();
  Result<ExperimentResult> result = run_experiment(spec, params, {seeds, 1, jobs, nullptr});
  EXPECT_TRUE(result.is_ok());
  return std::move(result).value();
}

TEST(RunTest, SameSeedsSameResultsWhateverTheJobs) {
  const std::string one = dump_json(results_json(run_toy(6, 1)));
  EXPECT_EQ(one, dump_json(results_json(run_toy(6, 1))));
  EXPECT_EQ(one, dump_json(results_json(run_toy(6, 4))));
  EXPECT_NE(one, dump_json(results_json(run_toy(5, 4))));
}

TEST(RunTest, SummariesAggregateEverySeed) {
  const ExperimentResult result = run_toy(6, 2);
  ASSERT_EQ(result.points.size(), 2u);
  EXPECT_EQ(result.seeds, (std::vector<uint64_t>{1, 2, 3, 4, 5, 6}));
  const MetricSummary* value = result.points[0].find("value");
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->seeds, 6u);
  EXPECT_EQ(value->per_seed.size(), 6u);
  EXPECT_LE(value->interval.low, value->interval.mean);
  EXPECT_GE(value->interval.high, value->interval.mean);
  const MetricSummary* hits = result.points[1].find("hits");
  ASSERT_NE(hits, nullptr);
  EXPECT_EQ(hits->kind, MetricKind::proportion);
  EXPECT_EQ(hits->trials, 600u);
  EXPECT_NEAR(hits->interval.mean,
              static_cast<double>(hits->successes) / static_cast<double>(hits->trials), 1e-12);
}

TEST(RunTest, BadSettingsAreErrors) {
  const ExperimentSpec spec = toy_experiment();
  const Params params = parse_params(spec.params, {}).value();
  const auto no_seeds = run_experiment(spec, params, {0, 1, 1, nullptr});
  ASSERT_FALSE(no_seeds.is_ok());
  EXPECT_NE(no_seeds.error().find("--seeds"), std::string::npos);
  const auto no_jobs = run_experiment(spec, params, {1, 1, 0, nullptr});
  ASSERT_FALSE(no_jobs.is_ok());
  EXPECT_NE(no_jobs.error().find("--jobs"), std::string::npos);
}

}  // namespace
}  // namespace dt
