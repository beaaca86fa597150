// Every schedule in tests/regressions/clean/ is a minimized run on which an
// earlier checker reported a false alarm (docs/properties.md, "False alarms
// fixed"). Each must check clean: the model alone, the impl alone, and both in
// lockstep without a divergence. A checker change that brings one back fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/run_check.h"
#include "histories/schedule_json.h"
#include "impl/impl_node.h"
#include "model/model_node.h"

namespace dt {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> clean_files() {
  std::vector<std::string> files;
  const fs::path dir = fs::path(DT_SOURCE_DIR) / "tests/regressions/clean";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class CleanRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(CleanRegression, ChecksCleanOnEverySide) {
  const fs::path path = fs::path(DT_SOURCE_DIR) / "tests/regressions/clean" / GetParam();
  const Result<Schedule> schedule = load_schedule_file(path.string());
  ASSERT_TRUE(schedule.is_ok()) << schedule.error();
  ASSERT_TRUE(schedule.value().inject.empty()) << "a clean regression injects no bug";
  const RunVerdict model = run_and_check(schedule.value(), &make_model_node, nullptr);
  EXPECT_FALSE(model.failed()) << format_report(model.report, 3);
  const RunVerdict impl = run_and_check(schedule.value(), &make_impl_node, nullptr);
  EXPECT_FALSE(impl.failed()) << format_report(impl.report, 3);
  const RunVerdict both = run_and_check(schedule.value(), &make_model_node, &make_impl_node);
  EXPECT_FALSE(both.run.divergence.has_value());
  EXPECT_FALSE(both.failed()) << format_report(both.report, 3);
}

TEST(CleanRegressions, ThereIsOnePerFixedFalseAlarmClass) {
  EXPECT_GE(clean_files().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Clean, CleanRegression, ::testing::ValuesIn(clean_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace dt
