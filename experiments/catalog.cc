// The experiment list (catalog.h).
#include "experiments/catalog.h"

namespace dt {

const std::vector<ExperimentSpec>& all_experiments() {
  static const std::vector<ExperimentSpec> experiments = {
      availability_experiment(),
      durability_experiment(),
      divergence_experiment(),
      staleness_experiment(),
      merkle_experiment(),
  };
  return experiments;
}

const ExperimentSpec* find_experiment(const std::string& name) {
  for (const ExperimentSpec& spec : all_experiments()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace dt
