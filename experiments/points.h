// Building an experiment's points: the cartesian product of named axes, and
// the checks shared by experiments whose axes are quorum sizes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "experiments/experiment.h"

namespace dt {

using PointAxis = std::pair<std::string, std::vector<std::string>>;

// Every combination, the first axis varying slowest.
std::vector<Point> cartesian_points(const std::vector<PointAxis>& axes);

// A number as a short coordinate text ("0.5", "100", "1e-05").
std::string coordinate_text(double value);
template <typename T>
std::vector<std::string> coordinate_texts(const std::vector<T>& values) {
  std::vector<std::string> out;
  for (const T& v : values) out.push_back(coordinate_text(static_cast<double>(v)));
  return out;
}

// Each quorum size in `quorum_param` (e.g. "w") must be at most every n and
// each n at most every cluster size: "--param w: 4 is more than n (3)".
Status check_quorums(const std::vector<int64_t>& n_values, const std::string& quorum_param,
                     const std::vector<int64_t>& quorum_values);
Status check_replicas_fit(const std::vector<int64_t>& n_values,
                          const std::vector<int64_t>& node_counts);

}  // namespace dt
