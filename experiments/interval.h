// 95% confidence intervals for aggregating an experiment over seeds.
// - A mean of per-seed values (seeds are the independent unit): Student t
//   with S-1 degrees of freedom, exact quantiles up to 30, 1.96 beyond.
// - A proportion of pooled trials (successes / trials over every seed): the
//   Wilson score interval, which stays inside [0, 1] and gives a useful upper
//   bound when no trial succeeded (where a t interval collapses to [0, 0]).
//   It treats trials as independent; trials inside one seed share its fault
//   process, so read it as optimistic when the seed count is small.
#pragma once

#include <cstdint>
#include <vector>

namespace dt {

struct Interval {
  double mean = 0;
  double low = 0;
  double high = 0;
};

// The two-sided 95% Student t quantile for `degrees_of_freedom` >= 1.
double student_t95(uint64_t degrees_of_freedom);

// REQUIRES: values non-empty. One value gives low == high == mean.
Interval mean_interval(const std::vector<double>& values);

// REQUIRES: successes <= trials. No trials gives {0, 0, 1}.
Interval wilson_interval(uint64_t successes, uint64_t trials);
// The same at another level: `z` standard normal quantiles (3.29 = 99.9%).
Interval wilson_interval_at(uint64_t successes, uint64_t trials, double z);

}  // namespace dt
