// `divergence`: how many versions of a shopping cart does a read see? Many
// clients add items to and read a few carts while nodes crash and recover;
// every read's sibling count (gets, and the read phase of each add) is
// tallied as 1, 2, 3 or 4+ versions, the shape of the Dynamo paper's table
// (99.94% / 0.00057% / 0.00047% / 0.00009%).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/prng.h"
#include "experiments/catalog.h"
#include "experiments/failure_process.h"
#include "experiments/points.h"
#include "experiments/probe_scope.h"
#include "experiments/simulate.h"

namespace dt {

namespace {

// The paper's shares of 1, 2, 3 and 4 versions, in percent.
constexpr std::array<double, 4> kPaperPercent = {99.94, 0.00057, 0.00047, 0.00009};
constexpr std::array<const char*, 4> kVersionMetrics = {"versions_1", "versions_2", "versions_3",
                                                        "versions_4plus"};

Schedule cart_schedule(const Params& params, const Point& point, uint64_t seed) {
  Schedule schedule;
  schedule.seed = seed;
  Config& config = schedule.config;
  config.nodes = static_cast<uint32_t>(params.integer("nodes"));
  config.replicas_n = static_cast<uint32_t>(params.integer("n"));
  config.read_quorum_r = static_cast<uint32_t>(params.integer("r"));
  config.write_quorum_w = static_cast<uint32_t>(params.integer("w"));
  config.partitions_q = config.nodes * 4;
  config.probe_scope = probe_scope_of(params, config.nodes);
  Workload& workload = schedule.workload;
  workload.clients = static_cast<uint32_t>(point.number("clients"));
  workload.keys = static_cast<uint32_t>(params.integer("carts"));
  workload.ops = static_cast<uint32_t>(params.integer("ops"));
  workload.put_weight = 0;
  workload.delete_weight = 0;
  workload.add_weight = static_cast<uint32_t>(params.integer("add_percent"));
  workload.get_weight = 100 - workload.add_weight;
  workload.duration_ns = static_cast<TimeNs>(params.real("duration_s") * 1e9);
  workload.final_reads = false;  // the tally is of reads under load
  const double mttf_ns = point.number("mttf_s") * 1e9;
  const FailureProcess failures = draw_failure_process(
      Prng(seed).split(static_cast<uint64_t>(mttf_ns)).next_u64(), config.nodes,
      workload.duration_ns, mttf_ns, params.real("mttr_s") * 1e9);
  schedule.events = failures.events();
  return schedule;
}

// Sibling counts of every read that returned data: ok gets, and adds whose
// read phase finished.
std::array<uint64_t, 4> version_counts(const History& history) {
  std::array<uint64_t, 4> counts{};
  for (const HistoryOp& op : history) {
    if (op.type == OpType::invoke || op.read.empty()) continue;
    const bool get_ok = op.f == OpFn::get && op.type == OpType::ok;
    if (!get_ok && op.f != OpFn::add) continue;
    ++counts[std::min<size_t>(op.read.size(), 4) - 1];
  }
  return counts;
}

std::vector<Measurement> run_divergence_point(const Params& params, const Point& point,
                                              uint64_t seed) {
  const RunResult run = simulate_impl(cart_schedule(params, point, seed), false);
  const std::array<uint64_t, 4> counts = version_counts(run.history);
  uint64_t reads = 0;
  for (uint64_t c : counts) reads += c;
  std::vector<Measurement> out;
  for (size_t i = 0; i < counts.size(); ++i) {
    out.push_back(Measurement::proportion(kVersionMetrics[i], counts[i], reads));
  }
  return out;
}

Result<std::vector<Point>> divergence_points(const Params& params) {
  if (Status s = check_probe_scope(params); !s.is_ok()) return s;
  const int64_t n = params.integer("n");
  if (n > params.integer("nodes")) {
    return Status::error(
        fmt::format("--param n: {} is more than nodes ({})", n, params.integer("nodes")));
  }
  for (const char* quorum : {"r", "w"}) {
    if (Status s = check_quorums({n}, quorum, {params.integer(quorum)}); !s.is_ok()) return s;
  }
  return cartesian_points({{"clients", coordinate_texts(params.integers("clients"))},
                           {"mttf_s", coordinate_texts(params.reals("mttf_s"))}});
}

Plot divergence_plot(const std::vector<PointSummary>& summaries) {
  Plot plot{"Versions seen per read",
            {"versions (4 = 4 or more)", AxisScale::linear},
            {"share of reads", AxisScale::log10},
            {{"Dynamo paper", {}}}};
  for (size_t i = 0; i < kPaperPercent.size(); ++i) {
    plot.series[0].points.push_back({static_cast<double>(i + 1), kPaperPercent[i] / 100});
  }
  for (const PointSummary& s : summaries) {
    PlotSeries series{
        fmt::format("{} clients, mttf {} s", s.point.get("clients"), s.point.get("mttf_s")), {}};
    for (size_t i = 0; i < kVersionMetrics.size(); ++i) {
      const Interval v = s.find(kVersionMetrics[i])->interval;
      series.points.push_back({static_cast<double>(i + 1), v.mean, v.low, v.high});
    }
    plot.series.push_back(std::move(series));
  }
  return plot;
}

// The paper-shaped table: one column per point, the paper's last.
std::string divergence_notes(const Params&, const std::vector<PointSummary>& summaries) {
  std::string out = fmt::format("{:<10}", "versions");
  for (const PointSummary& s : summaries) {
    out += fmt::format("{:>22}",
                       fmt::format("c={} mttf={}", s.point.get("clients"), s.point.get("mttf_s")));
  }
  out += fmt::format("{:>14}\n", "Dynamo paper");
  const std::array<const char*, 4> labels = {"1", "2", "3", "4+"};
  for (size_t i = 0; i < labels.size(); ++i) {
    out += fmt::format("{:<10}", labels[i]);
    for (const PointSummary& s : summaries) {
      out += fmt::format("{:>21.5f}%", s.find(kVersionMetrics[i])->interval.mean * 100);
    }
    out += fmt::format("{:>13.5f}%\n", kPaperPercent[i]);
  }
  return out;
}

}  // namespace

ExperimentSpec divergence_experiment() {
  ExperimentSpec spec;
  spec.name = "divergence";
  spec.question =
      "How many versions of a shopping cart does a read see under concurrent adds and node "
      "failures, against the Dynamo paper's table?";
  spec.params = {
      {"nodes", ParamKind::integer, "8", "cluster size", 1, 1024, {}},
      probe_scope_param(),
      {"n", ParamKind::integer, "3", "replicas per key", 1, 16, {}},
      {"r", ParamKind::integer, "2", "read quorum", 1, 16, {}},
      {"w", ParamKind::integer, "2", "write quorum", 1, 16, {}},
      {"clients", ParamKind::integer_list, "4,16,64", "concurrent clients", 1, 4096, {}},
      {"carts", ParamKind::integer, "200", "distinct carts (keys)", 1, 1000000, {}},
      {"ops", ParamKind::integer, "5000", "client operations per run", 1, 100000000, {}},
      {"add_percent",
       ParamKind::integer,
       "50",
       "share of ops that are adds (rest: gets)",
       0,
       100,
       {}},
      {"mttf_s",
       ParamKind::real_list,
       "1000000,30",
       "mean time to failure per node, virtual seconds",
       0.001,
       1e12,
       {}},
      {"mttr_s", ParamKind::real, "3", "mean time to repair, virtual seconds", 0.001, 1e9, {}},
      {"duration_s", ParamKind::real, "60", "virtual seconds of load", 0.1, 1e6, {}},
  };
  spec.points = divergence_points;
  spec.run = run_divergence_point;
  spec.plots = [](const Params&, const std::vector<PointSummary>& summaries) {
    return std::vector<std::pair<std::string, Plot>>{{"divergence", divergence_plot(summaries)}};
  };
  spec.notes = divergence_notes;
  return spec;
}

}  // namespace dt
