// Every scenario of the seed passes its asserted outcome, and runs
// deterministically (the same digest twice).
#include "scenarios/scenario.h"

#include <gtest/gtest.h>

#include "sim/run_digest.h"

namespace dt {
namespace {

class ScenarioTest : public testing::TestWithParam<std::string> {};

const Scenario& find(const std::string& name) {
  for (const Scenario& s : all_scenarios()) {
    if (s.name == name) return s;
  }
  ADD_FAILURE() << "no scenario " << name;
  return all_scenarios().front();
}

TEST_P(ScenarioTest, OutcomeHoldsAndRunIsDeterministic) {
  const Scenario& scenario = find(GetParam());
  const ScenarioResult first = run_scenario(scenario);
  ASSERT_TRUE(first.error.empty()) << first.error;
  for (const std::string& failed : first.expectations.failed()) ADD_FAILURE() << failed;
  EXPECT_FALSE(first.expectations.passed().empty());
  const ScenarioResult second = run_scenario(scenario);
  EXPECT_EQ(digest_hex(first.run.digest), digest_hex(second.run.digest));
  EXPECT_EQ(first.run.history, second.run.history);
}

std::vector<std::string> scenario_names() {
  std::vector<std::string> names;
  for (const Scenario& s : all_scenarios()) names.push_back(s.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Seed, ScenarioTest, testing::ValuesIn(scenario_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

TEST(ScenarioRegistry, EveryScheduleFileHasAScenario) {
  for (const Scenario& s : all_scenarios()) {
    EXPECT_NE(scenario_schedule_json(s.name), nullptr) << s.name;
  }
}

}  // namespace
}  // namespace dt
