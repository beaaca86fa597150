#include "experiments/results_reader.h"

#include <gtest/gtest.h>

#include "experiments/output.h"
#include "tests/experiments/toy_experiment.h"

namespace dt {
namespace {

TEST(ResultsReaderTest, ResultsJsonRoundTrips) {
  const ExperimentSpec spec = toy_experiment();
  const Params params = parse_params(spec.params, {"trials=50"}).value();
  const ExperimentResult result = run_experiment(spec, params, {3, 1, 1, nullptr}).value();
  const Json json = results_json(result);
  const Result<ExperimentResult> back = results_from_json(json);
  ASSERT_TRUE(back.is_ok()) << back.error();
  EXPECT_EQ(dump_json(results_json(back.value())), dump_json(json));
  EXPECT_EQ(results_csv(back.value()), results_csv(result));
  EXPECT_EQ(param_assignments(back.value()),
            (std::vector<std::string>{"scale=1,2", "trials=50"}));
}

TEST(ResultsReaderTest, BadFieldsAreNamed) {
  const ExperimentSpec spec = toy_experiment();
  const Params params = parse_params(spec.params, {}).value();
  Json json = results_json(run_experiment(spec, params, {1, 1, 1, nullptr}).value());
  json["points"][1]["metrics"][0]["mean"] = "high";
  const Result<ExperimentResult> back = results_from_json(json);
  ASSERT_FALSE(back.is_ok());
  EXPECT_EQ(back.error(), "points[1].metrics[0].mean: not a number");
  EXPECT_FALSE(results_from_json(Json::array()).is_ok());
}

}  // namespace
}  // namespace dt
