// Every experiment the `experiment` command knows, in listing order. Each
// experiment's file defines its spec function; adding one is one line in
// catalog.cc (explicit, so a static library cannot drop it at link time).
#pragma once

#include <string>
#include <vector>

#include "experiments/experiment.h"

namespace dt {

ExperimentSpec availability_experiment();  // experiments/availability.cc
ExperimentSpec durability_experiment();    // experiments/durability.cc
ExperimentSpec divergence_experiment();    // experiments/divergence.cc
ExperimentSpec staleness_experiment();     // experiments/staleness.cc
ExperimentSpec merkle_experiment();        // experiments/merkle.cc

const std::vector<ExperimentSpec>& all_experiments();
// nullptr when no experiment has that name.
const ExperimentSpec* find_experiment(const std::string& name);

}  // namespace dt
