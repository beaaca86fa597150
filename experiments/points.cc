// Cartesian points and quorum checks (points.h).
#include "experiments/points.h"

#include <fmt/format.h>

namespace dt {

std::vector<Point> cartesian_points(const std::vector<PointAxis>& axes) {
  std::vector<Point> points(1);
  for (const auto& [name, values] : axes) {
    std::vector<Point> next;
    for (const Point& point : points) {
      for (const std::string& value : values) {
        Point extended = point;
        extended.coords.emplace_back(name, value);
        next.push_back(std::move(extended));
      }
    }
    points = std::move(next);
  }
  return points;
}

std::string coordinate_text(double value) { return fmt::format("{:g}", value); }

Status check_quorums(const std::vector<int64_t>& n_values, const std::string& quorum_param,
                     const std::vector<int64_t>& quorum_values) {
  for (int64_t n : n_values) {
    for (int64_t q : quorum_values) {
      if (q > n) {
        return Status::error(
            fmt::format("--param {}: {} is more than n ({})", quorum_param, q, n));
      }
    }
  }
  return Status::ok();
}

Status check_replicas_fit(const std::vector<int64_t>& n_values,
                          const std::vector<int64_t>& node_counts) {
  for (int64_t n : n_values) {
    for (int64_t nodes : node_counts) {
      if (n > nodes) {
        return Status::error(fmt::format("--param n: {} is more than nodes ({})", n, nodes));
      }
    }
  }
  return Status::ok();
}

}  // namespace dt
