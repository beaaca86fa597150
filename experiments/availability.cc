// `availability`: how often do writes succeed when nodes fail and come back
// at random, with strict against sloppy quorums? The failure process
// (failure_process.h) becomes crash/restart events of the schedule and the
// writes are scripted puts sent to a node that is up (a client-side router
// that knows membership), so every run replays from its schedule. Clusters
// above the simulator's node limit (1024) get only the analytic key
// unavailability.
#include <fmt/format.h>

#include <algorithm>

#include "core/prng.h"
#include "experiments/catalog.h"
#include "experiments/failure_process.h"
#include "experiments/points.h"
#include "experiments/probe_scope.h"
#include "experiments/simulate.h"
#include "experiments/write_load.h"

namespace dt {

namespace {

constexpr uint32_t kSimulatedNodesMax = kMaxNodes;  // Config::validate's limit
Config cluster_config(const Params& params, const Point& point) {
  Config config;
  config.nodes = static_cast<uint32_t>(point.number("nodes"));
  config.replicas_n = static_cast<uint32_t>(point.number("n"));
  config.write_quorum_w = static_cast<uint32_t>(point.number("w"));
  config.read_quorum_r = 1;
  config.partitions_q = std::min<uint32_t>(
      4096, config.nodes * static_cast<uint32_t>(params.integer("partitions_per_node")));
  config.quorum_mode = point.get("mode") == "strict" ? QuorumMode::strict : QuorumMode::sloppy;
  config.probe_scope = probe_scope_of(params, config.nodes);
  config.quiescence_rounds = 1;
  return config;
}

// The same failures for every mode and quorum of one (seed, nodes, mttf).
FailureProcess failures(const Params& params, const Point& point, uint64_t seed) {
  const double mttf_ns = point.number("mttf_s") * 1e9;
  const double mttr_ns = params.real("mttr_s") * 1e9;
  const auto horizon_ns = static_cast<TimeNs>(params.real("duration_s") * 1e9);
  Prng stream(seed);
  const uint64_t process_seed = stream.split(static_cast<uint64_t>(point.number("nodes")))
                                    .split(static_cast<uint64_t>(mttf_ns))
                                    .next_u64();
  return draw_failure_process(process_seed, static_cast<uint32_t>(point.number("nodes")),
                              horizon_ns, mttf_ns, mttr_ns);
}

Measurement simulated_write_success(const Params& params, const Point& point, uint64_t seed,
                                    const FailureProcess& process) {
  const WriteLoad load{params.real("write_rate_per_s"),
                       static_cast<uint32_t>(params.integer("keys"))};
  const RoutedSchedule routed =
      routed_write_schedule(seed, cluster_config(params, point), process, load);
  const uint64_t unroutable = routed.unroutable_writes;
  const RunResult run = simulate_impl(routed.schedule, false);
  uint64_t ok = 0, completed = unroutable;
  for (const HistoryOp& op : run.history) {
    if (op.f != OpFn::put || op.type == OpType::invoke) continue;
    ++completed;
    if (op.type == OpType::ok) ++ok;
  }
  return Measurement::proportion("write_success", ok, completed);
}

std::vector<Measurement> run_availability_point(const Params& params, const Point& point,
                                                uint64_t seed) {
  const FailureProcess process = failures(params, point, seed);
  const Config config = cluster_config(params, point);
  const uint32_t replicas =
      config.quorum_mode == QuorumMode::strict ? config.replicas_n : config.nodes;
  std::vector<Measurement> out;
  if (config.nodes <= kSimulatedNodesMax) {
    out.push_back(simulated_write_success(params, point, seed, process));
  }
  const double unavailable = unavailable_key_fraction(
      process,
      std::max(config.nodes * static_cast<uint32_t>(params.integer("partitions_per_node")),
               config.nodes),
      replicas, config.write_quorum_w);
  out.push_back(Measurement::mean("keys_unavailable", unavailable));
  out.push_back(Measurement::mean("node_down_fraction", process.down_fraction()));
  // The seed's "some node is almost always down": fewer than all nodes up.
  out.push_back(Measurement::mean(
      "some_node_down", unavailable_key_fraction(process, 1, config.nodes, config.nodes)));
  return out;
}

Result<std::vector<Point>> availability_points(const Params& params) {
  const auto& nodes = params.integers("nodes");
  if (Status s = check_probe_scope(params); !s.is_ok()) return s;
  if (Status s = check_replicas_fit(params.integers("n"), nodes); !s.is_ok()) return s;
  if (Status s = check_quorums(params.integers("n"), "w", params.integers("w")); !s.is_ok()) {
    return s;
  }
  return cartesian_points({{"nodes", coordinate_texts(nodes)},
                           {"mode", params.choices("modes")},
                           {"n", coordinate_texts(params.integers("n"))},
                           {"w", coordinate_texts(params.integers("w"))},
                           {"mttf_s", coordinate_texts(params.reals("mttf_s"))}});
}

// One series per (nodes, mode, n, w), x = failures per node-hour; `mode`
// keeps one quorum mode only when not empty.
Plot availability_plot(const std::vector<PointSummary>& summaries, const std::string& metric,
                       bool as_available, const std::string& title, const std::string& mode) {
  Plot plot{title,
            failure_rate_axis(),
            {as_available ? "keys writable at a random instant" : "writes that succeeded",
             AxisScale::nines},
            {}};
  for (const PointSummary& s : summaries) {
    const MetricSummary* m = s.find(metric);
    if (m == nullptr || (!mode.empty() && s.point.get("mode") != mode)) continue;
    const std::string name = fmt::format("{} nodes{} N={} W={}", s.point.get("nodes"),
                                         mode.empty() ? " " + s.point.get("mode") : "",
                                         s.point.get("n"), s.point.get("w"));
    PlotSeries& series = series_named(plot, name);
    const double x = failures_per_hour(s.point.number("mttf_s"));
    const Interval i = m->interval;
    series.points.push_back(as_available ? PlotPoint{x, 1 - i.mean, 1 - i.high, 1 - i.low}
                                         : PlotPoint{x, i.mean, i.low, i.high});
  }
  return plot;
}

}  // namespace

ExperimentSpec availability_experiment() {
  ExperimentSpec spec;
  spec.name = "availability";
  spec.question =
      "What fraction of writes succeed, and of keys are writable, when nodes fail and recover "
      "at random, with strict against sloppy quorums?";
  spec.params = {
      {"nodes",
       ParamKind::integer_list,
       "10,100,1000",
       "cluster sizes (simulated up to 1024 nodes; larger get the analytic key measure only)",
       1,
       100000,
       {}},
      {"modes",
       ParamKind::choice_list,
       "strict,sloppy",
       "quorum modes",
       0,
       0,
       {"strict", "sloppy"}},
      {"n", ParamKind::integer_list, "3", "replicas per key", 1, 16, {}},
      {"w", ParamKind::integer_list, "2,3", "write quorums", 1, 16, {}},
      {"mttf_s",
       ParamKind::real_list,
       "20,60,200,600",
       "mean time to failure per node, virtual seconds",
       0.001,
       1e9,
       {}},
      probe_scope_param(),
      {"mttr_s", ParamKind::real, "2", "mean time to repair, virtual seconds", 0.001, 1e9, {}},
      {"duration_s", ParamKind::real, "60", "virtual seconds of failures and writes", 0.1, 1e6, {}},
      {"write_rate_per_s", ParamKind::real, "50", "writes per virtual second", 0.1, 100000, {}},
      {"keys", ParamKind::integer, "1000", "distinct keys written", 1, 1000000, {}},
      {"partitions_per_node",
       ParamKind::integer,
       "4",
       "ring partitions per node (Q/nodes)",
       1,
       64,
       {}},
  };
  spec.points = availability_points;
  spec.run = run_availability_point;
  spec.plots = [](const Params&, const std::vector<PointSummary>& summaries) {
    return std::vector<std::pair<std::string, Plot>>{
        {"availability-writes", availability_plot(summaries, "write_success", false,
                                                  "Write availability (simulated)", "")},
        // Sloppy keys are writable while any W nodes are up: a flat 100% here.
        {"availability-keys",
         availability_plot(summaries, "keys_unavailable", true,
                           "Keys writable under strict quorums (from the failure process)",
                           "strict")}};
  };
  return spec;
}

}  // namespace dt
