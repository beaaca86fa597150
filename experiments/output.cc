// Tables, CSV, JSON, SVG and the HTML page of an experiment (output.h).
#include "experiments/output.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "report/html_page.h"

namespace dt {

namespace {

// Enough digits to tell 99.999% from 99.99%.
std::string number_text(double value) { return fmt::format("{:.6g}", value); }

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> metric_names(const ExperimentResult& result) {
  std::vector<std::string> names;
  for (const PointSummary& point : result.points) {
    for (const MetricSummary& m : point.metrics) {
      if (std::find(names.begin(), names.end(), m.metric) == names.end()) {
        names.push_back(m.metric);
      }
    }
  }
  return names;
}

std::string pad(const std::string& text, size_t width) {
  return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
}

}  // namespace

std::string format_table(const ExperimentResult& result, const std::vector<std::string>& only) {
  if (result.points.empty()) return "(no points)\n";
  const std::vector<std::string> metrics = only.empty() ? metric_names(result) : only;
  std::vector<std::vector<std::string>> rows(1);
  for (const auto& coord : result.points.front().point.coords) rows[0].push_back(coord.first);
  for (const std::string& metric : metrics) rows[0].push_back(metric + " [95% CI]");
  for (const PointSummary& point : result.points) {
    std::vector<std::string> row;
    for (const auto& coord : point.point.coords) row.push_back(coord.second);
    for (const std::string& metric : metrics) {
      const MetricSummary* m = point.find(metric);
      row.push_back(m == nullptr ? "-"
                                 : fmt::format("{} [{}, {}]", number_text(m->interval.mean),
                                               number_text(m->interval.low),
                                               number_text(m->interval.high)));
    }
    rows.push_back(std::move(row));
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += pad(row[i], widths[i] + 2);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string results_csv(const ExperimentResult& result) {
  std::string out;
  if (result.points.empty()) return out;
  for (const auto& coord : result.points.front().point.coords) out += csv_field(coord.first) + ",";
  out += "metric,kind,mean,ci_low,ci_high,seeds,successes,trials\n";
  for (const PointSummary& point : result.points) {
    for (const MetricSummary& m : point.metrics) {
      for (const auto& coord : point.point.coords) out += csv_field(coord.second) + ",";
      out += fmt::format("{},{},{},{},{},{},{},{}\n", m.metric, to_string(m.kind),
                         number_text(m.interval.mean), number_text(m.interval.low),
                         number_text(m.interval.high), m.seeds, m.successes, m.trials);
    }
  }
  return out;
}

Json results_json(const ExperimentResult& result) {
  Json params = Json::object();
  for (const auto& [name, text] : result.params) params[name] = text;
  Json points = Json::array();
  for (const PointSummary& point : result.points) {
    Json coords = Json::object();
    for (const auto& [name, value] : point.point.coords) coords[name] = value;
    Json metrics = Json::array();
    for (const MetricSummary& m : point.metrics) {
      metrics.push_back({{"metric", m.metric}, {"kind", to_string(m.kind)},
                         {"mean", m.interval.mean}, {"ci_low", m.interval.low},
                         {"ci_high", m.interval.high}, {"seeds", m.seeds},
                         {"successes", m.successes}, {"trials", m.trials},
                         {"per_seed", m.per_seed}});
    }
    points.push_back({{"coords", coords}, {"metrics", metrics}});
  }
  return {{"experiment", result.name}, {"question", result.question}, {"params", params},
          {"seeds", result.seeds}, {"confidence", 0.95}, {"points", points}};
}

std::vector<OutputFile> experiment_files(const ExperimentSpec& spec, const Params& params,
                                         const ExperimentResult& result, bool html) {
  std::vector<OutputFile> files;
  files.push_back({"results.csv", results_csv(result)});
  const Json json = results_json(result);
  files.push_back({"results.json", dump_json(json, 2) + "\n"});
  Json plots = Json::array();
  if (spec.plots) {
    for (const auto& [stem, plot] : spec.plots(params, result.points)) {
      files.push_back({stem + ".svg", render_svg(plot)});
      plots.push_back({{"file", stem + ".svg"}, {"svg", files.back().text}});
    }
  }
  if (html) {
    Json data = json;
    data["kind"] = "experiment";
    data["table"] = format_table(result, spec.table_metrics);
    data["notes"] = spec.notes ? spec.notes(params, result.points) : std::string();
    data["plots"] = plots;
    files.push_back({"index.html", render_page("experiment " + result.name, data)});
  }
  return files;
}

}  // namespace dt
