// Runs an experiment: every (point, seed) task on `jobs` threads, then the
// summaries over seeds. Tasks write into their own slot, so the result does
// not depend on `jobs` or on thread timing.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "experiments/experiment.h"

namespace dt {

struct ExperimentSettings {
  uint32_t seeds = 5;        // seeds first_seed .. first_seed + seeds - 1
  uint64_t first_seed = 1;
  uint32_t jobs = 1;         // worker threads
  // Called after each finished task (from the worker's thread, serialised).
  std::function<void(size_t done, size_t total)> progress;
};

struct ExperimentResult {
  std::string name;
  std::string question;
  std::vector<std::pair<std::string, std::string>> params;  // every parameter, as text
  std::vector<uint64_t> seeds;
  std::vector<PointSummary> points;
};

// Errors: bad settings ("--seeds: must be in 1..10000") and the spec's own
// point errors.
Result<ExperimentResult> run_experiment(const ExperimentSpec& spec, const Params& params,
                                        const ExperimentSettings& settings);

// The summary of one point from its per-seed measurements (seed order).
PointSummary summarize(const Point& point,
                       const std::vector<std::vector<Measurement>>& per_seed);

}  // namespace dt
