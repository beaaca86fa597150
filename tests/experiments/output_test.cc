#include "experiments/output.h"

#include <sstream>

#include <gtest/gtest.h>

#include "tests/experiments/toy_experiment.h"

namespace dt {
namespace {

ExperimentResult toy_result() {
  const ExperimentSpec spec = toy_experiment();
  const Params params = parse_params(spec.params, {}).value();
  return run_experiment(spec, params, {3, 1, 1, nullptr}).value();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

TEST(OutputTest, CsvHasOneRowPerPointAndMetric) {
  const std::vector<std::string> lines = lines_of(results_csv(toy_result()));
  ASSERT_EQ(lines.size(), 1u + 2 * 2);
  EXPECT_EQ(lines[0], "scale,metric,kind,mean,ci_low,ci_high,seeds,successes,trials");
  EXPECT_EQ(lines[1].rfind("1,value,mean,", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2].rfind("1,hits,proportion,", 0), 0u) << lines[2];
  for (const std::string& line : lines) {
    EXPECT_EQ(std::count(line.begin(), line.end(), ','), 8) << line;
  }
}

TEST(OutputTest, JsonCarriesParamsSeedsAndPerSeedValues) {
  const Json json = results_json(toy_result());
  EXPECT_EQ(json["experiment"], "toy");
  EXPECT_EQ(json["params"]["scale"], "1,2");
  EXPECT_EQ(json["seeds"].size(), 3u);
  ASSERT_EQ(json["points"].size(), 2u);
  const Json& metric = json["points"][1]["metrics"][0];
  EXPECT_EQ(json["points"][1]["coords"]["scale"], "2");
  EXPECT_EQ(metric["metric"], "value");
  EXPECT_EQ(metric["per_seed"].size(), 3u);
  EXPECT_LE(metric["ci_low"].get<double>(), metric["mean"].get<double>());
}

TEST(OutputTest, TableShowsIntervals) {
  const std::vector<std::string> lines = lines_of(format_table(toy_result()));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("value [95% CI]"), std::string::npos);
  EXPECT_NE(lines[1].find(" ["), std::string::npos);
}

TEST(OutputTest, TableCanShowChosenMetrics) {
  const std::vector<std::string> lines = lines_of(format_table(toy_result(), {"hits"}));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("hits [95% CI]"), std::string::npos);
  EXPECT_EQ(lines[0].find("value"), std::string::npos);
}

TEST(OutputTest, FilesIncludePlotsAndThePageOnRequest) {
  const ExperimentSpec spec = toy_experiment();
  const Params params = parse_params(spec.params, {}).value();
  const ExperimentResult result = toy_result();
  std::vector<std::string> names;
  for (const OutputFile& f : experiment_files(spec, params, result, true)) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"results.csv", "results.json", "toy.svg",
                                             "index.html"}));
  EXPECT_EQ(experiment_files(spec, params, result, false).size(), 3u);
}

}  // namespace
}  // namespace dt
