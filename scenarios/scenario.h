// The seed's stories as runnable scenarios: a schedule (scenarios/*.json,
// embedded in the binary) plus the outcome it must show, asserted from the
// history, the replica trace and the check report.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "checks/verdict.h"
#include "core/schedule.h"
#include "sim/runner.h"

namespace dt {

// Collects named assertions; a scenario passes when none failed.
class Expectations {
 public:
  void expect(bool condition, const std::string& what);
  const std::vector<std::string>& passed() const { return passed_; }
  const std::vector<std::string>& failed() const { return failed_; }
  bool ok() const { return failed_.empty(); }

 private:
  std::vector<std::string> passed_;
  std::vector<std::string> failed_;
};

struct ScenarioRun {
  const Schedule& schedule;
  const RunResult& run;
  const CheckReport& report;
};

struct Scenario {
  std::string name;           // also the schedule file's stem
  std::string story;          // what the seed text says happens
  std::function<void(const ScenarioRun&, Expectations&)> check;
};

const std::vector<Scenario>& all_scenarios();
// The embedded schedule JSON of a scenario, or nullptr when none has that name.
const char* scenario_schedule_json(const std::string& name);

struct ScenarioResult {
  Expectations expectations;
  RunResult run;
  CheckReport report;
  std::string error;  // set when the schedule itself could not be read
};

// Runs the named scenario's schedule (model and impl in lockstep) and its checks.
ScenarioResult run_scenario(const Scenario& scenario);

}  // namespace dt
