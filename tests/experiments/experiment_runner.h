// Runs a catalogued experiment with parameter overrides for the tests.
#pragma once

#include <gtest/gtest.h>

#include "experiments/catalog.h"
#include "experiments/run.h"

namespace dt {

inline Result<ExperimentResult> run_named(const std::string& name,
                                          const std::vector<std::string>& assignments,
                                          uint32_t seeds = 2, uint32_t jobs = 2) {
  const ExperimentSpec* spec = find_experiment(name);
  EXPECT_NE(spec, nullptr) << name;
  const Result<Params> params = parse_params(spec->params, assignments);
  if (!params.is_ok()) return params.status();
  return run_experiment(*spec, params.value(), {seeds, 1, jobs, nullptr});
}

inline const MetricSummary& metric(const PointSummary& point, const std::string& name) {
  const MetricSummary* found = point.find(name);
  EXPECT_NE(found, nullptr) << name << " at " << point.point.label();
  static const MetricSummary missing;
  return found == nullptr ? missing : *found;
}

}  // namespace dt
