// Point and measurement helpers (experiment.h).
#include "experiments/experiment.h"

#include <cstdlib>

#include "core/assert.h"

namespace dt {

const char* to_string(MetricKind kind) {
  return kind == MetricKind::proportion ? "proportion" : "mean";
}

const std::string& Point::get(const std::string& name) const {
  for (const auto& [key, value] : coords) {
    if (key == name) return value;
  }
  DT_ASSERT(false, "point has no coordinate " + name);
  return coords.front().second;  // unreachable
}

double Point::number(const std::string& name) const {
  const std::string& text = get(name);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  DT_ASSERT(end == text.c_str() + text.size() && !text.empty(),
            "coordinate " + name + " is not a number: " + text);
  return value;
}

std::string Point::label() const {
  std::string out;
  for (const auto& [key, value] : coords) {
    if (!out.empty()) out += ' ';
    out += key + "=" + value;
  }
  return out;
}

Measurement Measurement::mean(std::string metric, double value) {
  return Measurement{std::move(metric), MetricKind::mean, value, 0, 0};
}

Measurement Measurement::proportion(std::string metric, uint64_t successes, uint64_t trials) {
  DT_ASSERT(successes <= trials, "proportion " + metric + " above 1");
  const double value =
      trials == 0 ? 0.0 : static_cast<double>(successes) / static_cast<double>(trials);
  return Measurement{std::move(metric), MetricKind::proportion, value, successes, trials};
}

const MetricSummary* PointSummary::find(const std::string& metric) const {
  for (const MetricSummary& summary : metrics) {
    if (summary.metric == metric) return &summary;
  }
  return nullptr;
}

}  // namespace dt
