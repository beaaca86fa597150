// results.json back into an ExperimentResult (results_reader.h).
#include "experiments/results_reader.h"

#include <fmt/format.h>

namespace dt {

namespace {

Status bad(const std::string& path, const std::string& why) {
  return Status::error(path + ": " + why);
}

Status read_number(const Json& json, const std::string& path, double& out) {
  if (!json.is_number()) return bad(path, "not a number");
  out = json.get<double>();
  return Status::ok();
}

Result<MetricSummary> read_metric(const Json& json, const std::string& path) {
  if (!json.is_object()) return bad(path, "not an object");
  MetricSummary m;
  std::string kind;
  if (Status s = read_string(json.value("metric", Json()), path + ".metric", m.metric); !s) return s;
  if (Status s = read_string(json.value("kind", Json()), path + ".kind", kind); !s) return s;
  if (kind != "mean" && kind != "proportion") return bad(path + ".kind", "not mean|proportion");
  m.kind = kind == "proportion" ? MetricKind::proportion : MetricKind::mean;
  const std::pair<const char*, double*> numbers[] = {
      {"mean", &m.interval.mean}, {"ci_low", &m.interval.low}, {"ci_high", &m.interval.high}};
  for (const auto& [name, out] : numbers) {
    if (Status s = read_number(json.value(name, Json()), path + "." + name, *out); !s) return s;
  }
  for (const auto& [name, out] : {std::pair<const char*, uint64_t*>{"seeds", &m.seeds},
                                  {"successes", &m.successes}, {"trials", &m.trials}}) {
    if (Status s = read_u64(json.value(name, Json()), path + "." + name, *out); !s) return s;
  }
  const Json per_seed = json.value("per_seed", Json::array());
  if (!per_seed.is_array()) return bad(path + ".per_seed", "not an array");
  for (size_t i = 0; i < per_seed.size(); ++i) {
    double value = 0;
    const std::string at = fmt::format("{}.per_seed[{}]", path, i);
    if (Status s = read_number(per_seed[i], at, value); !s) return s;
    m.per_seed.push_back(value);
  }
  return m;
}

Result<PointSummary> read_point(const Json& json, const std::string& path) {
  if (!json.is_object() || !json.value("coords", Json()).is_object() ||
      !json.value("metrics", Json()).is_array()) {
    return bad(path, "needs a coords object and a metrics array");
  }
  PointSummary point;
  for (const auto& [name, value] : json["coords"].items()) {
    if (!value.is_string()) return bad(path + ".coords." + name, "not a string");
    point.point.coords.emplace_back(name, value.get<std::string>());
  }
  for (size_t i = 0; i < json["metrics"].size(); ++i) {
    Result<MetricSummary> m = read_metric(json["metrics"][i], fmt::format("{}.metrics[{}]", path, i));
    if (!m.is_ok()) return m.status();
    point.metrics.push_back(std::move(m).value());
  }
  return point;
}

}  // namespace

Result<ExperimentResult> results_from_json(const Json& json) {
  if (!json.is_object()) return bad("(top)", "not an object");
  ExperimentResult result;
  if (Status s = read_string(json.value("experiment", Json()), "experiment", result.name); !s) {
    return bad("experiment", "missing");
  }
  result.question = json.value("question", std::string());
  const Json params = json.value("params", Json());
  if (!params.is_object()) return bad("params", "not an object");
  for (const auto& [name, value] : params.items()) {
    if (!value.is_string()) return bad("params." + name, "not a string");
    result.params.emplace_back(name, value.get<std::string>());
  }
  const Json seeds = json.value("seeds", Json());
  const Json points = json.value("points", Json());
  if (!seeds.is_array() || !points.is_array()) return bad("seeds/points", "not arrays");
  for (size_t i = 0; i < seeds.size(); ++i) {
    uint64_t seed = 0;
    if (Status s = read_u64(seeds[i], fmt::format("seeds[{}]", i), seed); !s) return s;
    result.seeds.push_back(seed);
  }
  for (size_t i = 0; i < points.size(); ++i) {
    Result<PointSummary> point = read_point(points[i], fmt::format("points[{}]", i));
    if (!point.is_ok()) return point.status();
    result.points.push_back(std::move(point).value());
  }
  return result;
}

std::vector<std::string> param_assignments(const ExperimentResult& result) {
  std::vector<std::string> out;
  for (const auto& [name, text] : result.params) out.push_back(name + "=" + text);
  return out;
}

}  // namespace dt
