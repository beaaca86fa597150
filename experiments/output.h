// What an experiment run writes: a text table with the 95% intervals for
// stdout, results.csv (one row per point and metric), results.json (the same
// plus per-seed values), one SVG per plot and, on request, an HTML page drawn
// by the report page (report/html_page.h). The files come back as text; the
// caller writes them.
#pragma once

#include <string>
#include <vector>

#include "experiments/experiment.h"
#include "experiments/run.h"
#include "histories/json_util.h"

namespace dt {

struct OutputFile {
  std::string name;  // relative to the output directory
  std::string text;
};

// Columns: the point's coordinates, then "metric mean [low, high]" per metric
// (only those in `only`, in its order, when it is not empty).
std::string format_table(const ExperimentResult& result,
                         const std::vector<std::string>& only = {});
// Header: coordinates..., metric, kind, mean, ci_low, ci_high, seeds, successes, trials.
std::string results_csv(const ExperimentResult& result);
Json results_json(const ExperimentResult& result);

// results.csv, results.json, PLOT.svg for each plot and, with `html`,
// index.html.
std::vector<OutputFile> experiment_files(const ExperimentSpec& spec, const Params& params,
                                         const ExperimentResult& result, bool html);

}  // namespace dt
