// Student t and Wilson intervals (see interval.h for which and why).
#include "experiments/interval.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/assert.h"

namespace dt {

namespace {
constexpr double kZ95 = 1.959963984540054;
// t_{0.975, df} for df = 1..30.
constexpr std::array<double, 30> kT95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
}  // namespace

double student_t95(uint64_t degrees_of_freedom) {
  DT_ASSERT(degrees_of_freedom >= 1, "t quantile needs at least one degree of freedom");
  if (degrees_of_freedom <= kT95.size()) return kT95[degrees_of_freedom - 1];
  return kZ95;
}

Interval mean_interval(const std::vector<double>& values) {
  DT_ASSERT(!values.empty(), "mean of no values");
  double sum = 0;
  for (double v : values) sum += v;
  const double n = static_cast<double>(values.size());
  const double mean = sum / n;
  if (values.size() == 1) return {mean, mean, mean};
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double standard_error = std::sqrt(squares / (n - 1) / n);
  const double half = student_t95(values.size() - 1) * standard_error;
  return {mean, mean - half, mean + half};
}

Interval wilson_interval(uint64_t successes, uint64_t trials) {
  return wilson_interval_at(successes, trials, kZ95);
}

Interval wilson_interval_at(uint64_t successes, uint64_t trials, double z) {
  DT_ASSERT(successes <= trials, "more successes than trials");
  DT_ASSERT(z > 0, "a Wilson interval needs z > 0");
  if (trials == 0) return {0, 0, 1};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  // Exact ends: no successes has low 0, all successes high 1 (rounding aside).
  const double low = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  const double high = successes == trials ? 1.0 : std::min(1.0, centre + half);
  return {p, low, high};
}

}  // namespace dt
