#include "scenarios/scenario.h"

#include "checks/check_all.h"
#include "histories/schedule_json.h"
#include "impl/impl_node.h"
#include "model/model_node.h"
#include "scenarios/embedded.h"

namespace dt {

void Expectations::expect(bool condition, const std::string& what) {
  (condition ? passed_ : failed_).push_back(what);
}

const char* scenario_schedule_json(const std::string& name) {
  for (const EmbeddedSchedule& s : embedded_schedules()) {
    if (name == s.name) return s.json;
  }
  return nullptr;
}

ScenarioResult run_scenario(const Scenario& scenario) {
  ScenarioResult result;
  const char* json = scenario_schedule_json(scenario.name);
  if (json == nullptr) {
    result.error = "scenario " + scenario.name + ": no schedule file scenarios/" +
                   scenario.name + ".json";
    return result;
  }
  const Result<Schedule> schedule =
      read_schedule_json(json, "scenarios/" + scenario.name + ".json");
  if (!schedule.is_ok()) {
    result.error = schedule.error();
    return result;
  }
  RunOptions options;
  options.primary = &make_model_node;
  options.shadow = &make_impl_node;
  result.run = run_schedule(schedule.value(), options);
  result.report = check_all(CheckInput{schedule.value().config, result.run.history,
                                       result.run.trace});
  scenario.check(ScenarioRun{schedule.value(), result.run, result.report},
                 result.expectations);
  result.expectations.expect(!result.run.divergence.has_value(),
                             "model and impl agree event by event");
  return result;
}

}  // namespace dt
