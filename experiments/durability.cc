// `durability`: how likely is an acknowledged write to be lost, and for how
// long does it have fewer than N copies, when failures cascade (a fallback
// holding hints fails before its handoff) with durable against volatile hint
// stores? Failures, cascades and wipes are schedule events; the loss verdicts
// come from the durability checker and the windows from copy tracking
// (copy_window.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/prng.h"
#include "experiments/catalog.h"
#include "experiments/copy_window.h"
#include "experiments/points.h"
#include "experiments/probe_scope.h"
#include "experiments/simulate.h"
#include "experiments/write_load.h"

namespace dt {

namespace {

uint32_t ppm(double share) {
  return static_cast<uint32_t>(std::lround(share * 1e6));
}

Config durability_config(const Params& params, const Point& point) {
  Config config;
  config.nodes = static_cast<uint32_t>(params.integer("nodes"));
  config.replicas_n = static_cast<uint32_t>(point.number("n"));
  config.write_quorum_w = static_cast<uint32_t>(point.number("w"));
  config.read_quorum_r = 1;
  config.partitions_q = config.nodes * 4;
  config.probe_scope = probe_scope_of(params, config.nodes);
  config.quorum_mode = QuorumMode::sloppy;
  config.hint_store =
      point.get("hint_store") == "volatile" ? HintStoreMode::volatile_ : HintStoreMode::durable;
  return config;
}

// Shared by every hint store and quorum of one (seed, mttf): paired runs.
FailureProcess durability_failures(const Params& params, const Point& point, uint64_t seed) {
  const double mttf_ns = point.number("mttf_s") * 1e9;
  const double mttr_ns = params.real("mttr_s") * 1e9;
  const uint32_t wipe_ppm = ppm(params.real("wipe_share"));
  Prng stream = Prng(seed).split(static_cast<uint64_t>(mttf_ns));
  FailureProcess process = draw_failure_process(
      stream.next_u64(), static_cast<uint32_t>(params.integer("nodes")),
      static_cast<TimeNs>(params.real("duration_s") * 1e9), mttf_ns, mttr_ns, wipe_ppm);
  add_cascading_failures(process, stream.next_u64(), ppm(params.real("cascade_share")),
                         params.real("cascade_delay_s") * 1e9, mttr_ns, wipe_ppm);
  return process;
}

double percentile_ms(std::vector<TimeNs> values, double quantile) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto at = static_cast<size_t>(std::ceil(quantile * static_cast<double>(values.size())));
  return static_cast<double>(values[std::min(values.size() - 1, at == 0 ? 0 : at - 1)]) / 1e6;
}

std::string over_metric(double threshold_ms) {
  return "window_over_" + coordinate_text(threshold_ms) + "ms";
}

std::vector<Measurement> run_durability_point(const Params& params, const Point& point,
                                              uint64_t seed) {
  const FailureProcess process = durability_failures(params, point, seed);
  const WriteLoad load{params.real("write_rate_per_s"),
                       static_cast<uint32_t>(params.integer("keys"))};
  const RoutedSchedule routed =
      routed_write_schedule(seed, durability_config(params, point), process, load);
  const RunResult run = simulate_impl(routed.schedule, true);
  const Result<CopyWindows> windows = copy_windows(routed.schedule.config, run.history, run.trace);
  DT_ASSERT(windows.is_ok(), "the simulator recorded an unindexable history");
  const CopyWindows& w = windows.value();
  std::vector<TimeNs> kept;  // windows of the writes that survived
  for (const WriteWindow& write : w.writes) {
    if (!write.lost) kept.push_back(write.below_n_ns);
  }
  const uint64_t acked = w.writes.size();
  std::vector<Measurement> out = {
      Measurement::proportion("write_lost", w.lost_to_faults + w.lost_unexplained, acked),
      Measurement::mean("lost_unexplained", static_cast<double>(w.lost_unexplained)),
      Measurement::mean("hints_lost_on_crash", static_cast<double>(w.hints_lost_on_crash)),
      Measurement::mean("window_p50_ms", percentile_ms(kept, 0.5)),
      Measurement::mean("window_p90_ms", percentile_ms(kept, 0.9)),
      Measurement::mean("window_p99_ms", percentile_ms(kept, 0.99)),
  };
  for (double threshold_ms : params.reals("thresholds_ms")) {
    const auto over = static_cast<uint64_t>(
        std::count_if(w.writes.begin(), w.writes.end(), [&](const WriteWindow& write) {
          return write.lost || static_cast<double>(write.below_n_ns) > threshold_ms * 1e6;
        }));
    out.push_back(Measurement::proportion(over_metric(threshold_ms), over, acked));
  }
  return out;
}

Result<std::vector<Point>> durability_points(const Params& params) {
  if (Status s = check_probe_scope(params); !s.is_ok()) return s;
  const std::vector<int64_t> nodes = {params.integer("nodes")};
  if (Status s = check_replicas_fit(params.integers("n"), nodes); !s.is_ok()) return s;
  if (Status s = check_quorums(params.integers("n"), "w", params.integers("w")); !s.is_ok()) {
    return s;
  }
  return cartesian_points({{"hint_store", params.choices("hint_stores")},
                           {"n", coordinate_texts(params.integers("n"))},
                           {"w", coordinate_texts(params.integers("w"))},
                           {"mttf_s", coordinate_texts(params.reals("mttf_s"))}});
}

std::string durability_series(const Point& point) {
  return fmt::format("{} N={} W={}", point.get("hint_store"), point.get("n"), point.get("w"));
}

Plot loss_plot(const std::vector<PointSummary>& summaries) {
  Plot plot{"Acknowledged writes lost",
            failure_rate_axis(),
            {"fraction of acknowledged writes lost", AxisScale::linear},
            {}};
  for (const PointSummary& s : summaries) {
    const Interval i = s.find("write_lost")->interval;
    series_named(plot, durability_series(s.point))
        .points.push_back({failures_per_hour(s.point.number("mttf_s")), i.mean, i.low, i.high});
  }
  return plot;
}

// The complementary distribution of the window for the first N and W listed,
// one series per hint store and failure rate.
Plot window_plot(const Params& params, const std::vector<PointSummary>& summaries) {
  const std::string n = coordinate_text(static_cast<double>(params.integers("n").front()));
  const std::string w = coordinate_text(static_cast<double>(params.integers("w").front()));
  Plot plot{fmt::format("Durability window (N={} W={})", n, w),
            {"time with fewer than N copies after the ack, ms", AxisScale::log10},
            {"fraction of acknowledged writes exceeding it", AxisScale::log10},
            {}};
  for (const PointSummary& s : summaries) {
    if (s.point.get("n") != n || s.point.get("w") != w) continue;
    PlotSeries& series = series_named(
        plot, fmt::format("{}, mttf {} s", s.point.get("hint_store"), s.point.get("mttf_s")));
    for (double threshold_ms : params.reals("thresholds_ms")) {
      const Interval i = s.find(over_metric(threshold_ms))->interval;
      series.points.push_back({threshold_ms, i.mean, i.low, i.high});
    }
  }
  return plot;
}

}  // namespace

ExperimentSpec durability_experiment() {
  ExperimentSpec spec;
  spec.name = "durability";
  spec.question =
      "How likely is an acknowledged write to be lost, and how long does it have fewer than N "
      "copies, when a fallback holding hints fails before its handoff?";
  spec.params = {
      {"nodes", ParamKind::integer, "8", "cluster size", 2, 1024, {}},
      probe_scope_param(),
      {"hint_stores",
       ParamKind::choice_list,
       "durable,volatile",
       "hint store kinds",
       0,
       0,
       {"durable", "volatile"}},
      {"n", ParamKind::integer_list, "3", "replicas per key", 1, 16, {}},
      {"w", ParamKind::integer_list, "1,2", "write quorums", 1, 16, {}},
      {"mttf_s",
       ParamKind::real_list,
       "10,30,100",
       "mean time to failure per node, virtual seconds",
       0.001,
       1e9,
       {}},
      {"mttr_s", ParamKind::real, "3", "mean time to repair, virtual seconds", 0.001, 1e9, {}},
      {"wipe_share",
       ParamKind::real,
       "0.05",
       "share of failures that also lose the disk",
       0,
       1,
       {}},
      {"cascade_share",
       ParamKind::real,
       "0.5",
       "share of failures followed by a second node's failure",
       0,
       1,
       {}},
      {"cascade_delay_s",
       ParamKind::real,
       "0.5",
       "mean delay of that second failure, seconds",
       0.001,
       1e6,
       {}},
      {"duration_s", ParamKind::real, "30", "virtual seconds of failures and writes", 0.1, 1e6, {}},
      {"write_rate_per_s", ParamKind::real, "20", "writes per virtual second", 0.1, 100000, {}},
      {"keys", ParamKind::integer, "100", "distinct keys written", 1, 1000000, {}},
      {"thresholds_ms",
       ParamKind::real_list,
       "1,10,100,1000,10000,100000",
       "window lengths the distribution is read at, ms",
       0.001,
       1e9,
       {}},
  };
  spec.table_metrics = {"write_lost", "hints_lost_on_crash", "window_p90_ms", "window_p99_ms"};
  spec.points = durability_points;
  spec.run = run_durability_point;
  spec.plots = [](const Params& params, const std::vector<PointSummary>& summaries) {
    return std::vector<std::pair<std::string, Plot>>{
        {"durability-loss", loss_plot(summaries)},
        {"durability-window", window_plot(params, summaries)}};
  };
  return spec;
}

}  // namespace dt
