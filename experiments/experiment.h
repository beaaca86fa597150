// What an experiment is: a question, parameters, the points it measures
// (one per combination of settings, e.g. nodes=100 mode=sloppy N=3 W=2), a
// deterministic run of one point for one seed, and the plots drawn from the
// summaries over seeds. experiments/run.h runs (point, seed) tasks on
// threads and aggregates; experiments/output.h writes the files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "experiments/interval.h"
#include "experiments/params.h"
#include "report/svg_plot.h"

namespace dt {

// One setting of the experiment: named coordinates, in a fixed order, as text
// (they become CSV columns and plot series names).
struct Point {
  std::vector<std::pair<std::string, std::string>> coords;

  // REQUIRES: the coordinate exists (asserted).
  const std::string& get(const std::string& name) const;
  double number(const std::string& name) const;  // get() parsed as a number
  std::string label() const;  // "nodes=100 mode=sloppy"
};

// mean: a per-seed value, aggregated by Student t over seeds.
// proportion: successes out of trials, pooled over seeds, Wilson interval.
enum class MetricKind { mean, proportion };
const char* to_string(MetricKind kind);

struct Measurement {
  std::string metric;  // lower_snake_case, units last ("window_p99_ms")
  MetricKind kind = MetricKind::mean;
  double value = 0;    // mean: the value; proportion: successes / trials
  uint64_t successes = 0;
  uint64_t trials = 0;

  static Measurement mean(std::string metric, double value);
  // REQUIRES: successes <= trials.
  static Measurement proportion(std::string metric, uint64_t successes, uint64_t trials);
};

struct MetricSummary {
  std::string metric;
  MetricKind kind = MetricKind::mean;
  Interval interval;          // mean and 95% CI
  uint64_t seeds = 0;         // seeds that reported it
  uint64_t successes = 0;     // proportion: pooled
  uint64_t trials = 0;
  std::vector<double> per_seed;  // the values, in seed order
};

struct PointSummary {
  Point point;
  std::vector<MetricSummary> metrics;  // in the order the run reported them

  // nullptr when the point has no such metric.
  const MetricSummary* find(const std::string& metric) const;
};

struct ExperimentSpec {
  std::string name;
  std::string question;  // one sentence
  std::vector<ParamSpec> params;
  // The points to run; an error for settings that cannot run together (it
  // names the parameter, e.g. "--param w: 4 is more than n (3)").
  std::function<Result<std::vector<Point>>(const Params&)> points;
  // One point for one seed. Deterministic in (params, point, seed); called
  // from several threads at once, so it must not touch shared state.
  std::function<std::vector<Measurement>(const Params&, const Point&, uint64_t seed)> run;
  // The plots (each becomes NAME-<file>.svg); may be empty.
  std::function<std::vector<std::pair<std::string, Plot>>(const Params&,
                                                          const std::vector<PointSummary>&)>
      plots;
  // Optional text printed after the table (e.g. a comparison with a paper).
  std::function<std::string(const Params&, const std::vector<PointSummary>&)> notes;
  // The metrics the stdout table shows (empty: all); the files keep them all.
  std::vector<std::string> table_metrics;
};

}  // namespace dt
