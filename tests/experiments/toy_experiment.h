// A tiny experiment for framework tests: two points, a mean and a proportion
// metric drawn from the seed, so results depend on (point, seed) only.
#pragma once

#include "core/prng.h"
#include "experiments/experiment.h"
#include "experiments/points.h"

namespace dt {

inline ExperimentSpec toy_experiment() {
  ExperimentSpec spec;
  spec.name = "toy";
  spec.question = "Does the framework aggregate?";
  spec.params = {{"scale", ParamKind::real_list, "1,2", "scales", 0, 10, {}},
                 {"trials", ParamKind::integer, "100", "trials", 1, 10000, {}}};
  spec.points = [](const Params& params) -> Result<std::vector<Point>> {
    return cartesian_points({{"scale", coordinate_texts(params.reals("scale"))}});
  };
  spec.run = [](const Params& params, const Point& point, uint64_t seed) {
    Prng prng(seed * 1000 + static_cast<uint64_t>(point.number("scale") * 10));
    const double value = point.number("scale") * static_cast<double>(prng.below(1000)) / 1000;
    const auto trials = static_cast<uint64_t>(params.integer("trials"));
    return std::vector<Measurement>{Measurement::mean("value", value),
                                    Measurement::proportion("hits", prng.below(trials + 1),
                                                            trials)};
  };
  spec.plots = [](const Params&, const std::vector<PointSummary>& summaries) {
    Plot plot{"toy", {"scale", AxisScale::linear}, {"value", AxisScale::linear}, {{"v", {}}}};
    for (const PointSummary& s : summaries) {
      const Interval i = s.find("value")->interval;
      plot.series[0].points.push_back({s.point.number("scale"), i.mean, i.low, i.high});
    }
    return std::vector<std::pair<std::string, Plot>>{{"toy", plot}};
  };
  return spec;
}

}  // namespace dt
