// Reading results.json back (output.h writes it), so plots, tables and pages
// can be redrawn from a finished run without running it again
// (`experiment NAME --replot DIR`).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "experiments/run.h"
#include "histories/json_util.h"

namespace dt {

// Errors name the field: "points[3].metrics[0].mean: not a number".
Result<ExperimentResult> results_from_json(const Json& json);

// The parameters as "k=v" assignments, for parse_params.
std::vector<std::string> param_assignments(const ExperimentResult& result);

}  // namespace dt
