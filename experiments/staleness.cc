// `staleness` (PBS): how likely is a get to return the latest acknowledged
// write, t after the ack, for partial quorums (R + W <= N) and three network
// delay distributions? Each point is a (delays, N, R, W, t) setting; a seed
// runs `trials` put-then-get trials with the real nodes (pbs_trials.h).
// `delays=no_propagation` runs the regime of the PBS closed form instead
// (the put reaches exactly W replicas, nothing spreads it) and reports the
// closed form beside the simulated value.
#include <fmt/format.h>

#include "experiments/catalog.h"
#include "experiments/pbs_closed_form.h"
#include "experiments/pbs_trials.h"
#include "experiments/points.h"

namespace dt {

namespace {

constexpr const char* kNoPropagation = "no_propagation";

uint32_t quorum(const Point& point, const char* name) {
  return static_cast<uint32_t>(point.number(name));
}

TimeNs ms_to_ns(double ms) { return static_cast<TimeNs>(ms * 1e6); }

// The cluster of one t-visibility point: N + 2 nodes (two coordinators
// outside the key's home set), sloppy quorums, the point's delay distribution.
Config visibility_config(const Params& params, const Point& point) {
  Config c = no_propagation_config(quorum(point, "n"), quorum(point, "r"), quorum(point, "w"));
  c.quorum_mode = QuorumMode::sloppy;
  c.anti_entropy_interval_ns = ms_to_ns(params.real("anti_entropy_ms"));
  c.handoff_interval_ns = c.anti_entropy_interval_ns;
  const double mean_ms = params.real("delay_mean_ms");
  const std::string& delays = point.get("delays");
  if (delays == "uniform") {
    // Symmetric around the mean, from a tenth of it.
    c.network_delay_min_ns = ms_to_ns(mean_ms / 10);
    c.network_delay_max_ns = ms_to_ns(2 * mean_ms) - c.network_delay_min_ns;
    return c;
  }
  c.network_delay_min_ns = 0;
  c.network_delay_max_ns = ms_to_ns(params.real("delay_cap_ms"));
  c.network_delay_mean_ns = ms_to_ns(mean_ms);
  c.network_delay_distribution =
      delays == "exponential" ? DelayDistribution::exponential : DelayDistribution::pareto;
  if (delays == "pareto") {
    c.network_delay_pareto_shape_milli =
        static_cast<uint32_t>(params.real("pareto_shape") * 1000 + 0.5);
  }
  return c;
}

std::vector<Measurement> run_staleness_point(const Params& params, const Point& point,
                                             uint64_t seed) {
  const auto trials = static_cast<uint32_t>(params.integer("trials"));
  const uint32_t n = quorum(point, "n"), r = quorum(point, "r"), w = quorum(point, "w");
  if (point.get("delays") == kNoPropagation) {
    const StaleCount count = simulate_without_propagation(n, r, w, seed, trials);
    return {Measurement::proportion("consistent", count.reads - count.stale, count.reads),
            Measurement::mean("closed_form_consistent", 1 - pbs_stale_probability(n, r, w))};
  }
  const Config config = visibility_config(params, point);
  const std::vector<VisibilityPoint> curve =
      simulate_t_visibility(config, {ms_to_ns(point.number("t_ms"))}, seed, trials);
  return {Measurement::proportion("consistent", curve.at(0).consistent, curve.at(0).reads)};
}

Result<std::vector<Point>> staleness_points(const Params& params) {
  const auto& n = params.integers("n");
  for (const char* q : {"r", "w"}) {
    if (Status s = check_quorums(n, q, params.integers(q)); !s.is_ok()) return s;
  }
  std::vector<Point> points;
  for (const std::string& delays : params.choices("delays")) {
    // No propagation: t does not matter, one point per quorum at the first t.
    const std::vector<double>& t = params.reals("t_ms");
    const std::vector<double> t_values =
        delays == kNoPropagation ? std::vector<double>{t.front()} : t;
    const std::vector<Point> some = cartesian_points(
        {{"delays", {delays}}, {"n", coordinate_texts(n)},
         {"r", coordinate_texts(params.integers("r"))},
         {"w", coordinate_texts(params.integers("w"))}, {"t_ms", coordinate_texts(t_values)}});
    points.insert(points.end(), some.begin(), some.end());
  }
  return points;
}

std::string staleness_series(const Point& point) {
  return fmt::format("{} N={} R={} W={}", point.get("delays"), point.get("n"), point.get("r"),
                     point.get("w"));
}

// P(consistent) against t, one series per (delays, N, R, W).
Plot visibility_plot(const std::vector<PointSummary>& summaries) {
  Plot plot{"t-visibility: P(get returns the last acknowledged write)",
            {"t = time since the put's ack (ms)", AxisScale::linear},
            {"P(consistent)", AxisScale::nines},  // 0.9, 0.99, 0.999 evenly apart
            {}};
  for (const PointSummary& s : summaries) {
    const MetricSummary* m = s.find("consistent");
    if (m == nullptr || s.point.get("delays") == kNoPropagation) continue;
    const Interval& i = m->interval;
    series_named(plot, staleness_series(s.point))
        .points.push_back({s.point.number("t_ms"), i.mean, i.low, i.high});
  }
  return plot;
}

// The closed form beside each no-propagation point.
std::string closed_form_notes(const std::vector<PointSummary>& summaries) {
  std::string out;
  for (const PointSummary& s : summaries) {
    if (s.point.get("delays") != kNoPropagation) continue;
    const MetricSummary* m = s.find("consistent");
    if (m == nullptr) continue;
    const double expected = 1 - pbs_stale_probability(quorum(s.point, "n"),
                                                      quorum(s.point, "r"),
                                                      quorum(s.point, "w"));
    const bool inside = m->interval.low <= expected && expected <= m->interval.high;
    out += fmt::format("N={} R={} W={}: simulated P(consistent) {:.4f} [{:.4f}, {:.4f}], "
                       "closed form 1 - C(N-W,R)/C(N,R) = {:.4f} ({})\n",
                       s.point.get("n"), s.point.get("r"), s.point.get("w"), m->interval.mean,
                       m->interval.low, m->interval.high, expected,
                       inside ? "inside the 95% CI" : "OUTSIDE the 95% CI");
  }
  return out.empty() ? out : "No propagation against the PBS closed form:\n" + out;
}

}  // namespace

ExperimentSpec staleness_experiment() {
  ExperimentSpec spec;
  spec.name = "staleness";
  spec.question =
      "How likely is a get to return the last acknowledged write, t after the ack, for "
      "partial quorums and uniform, exponential and Pareto network delays (PBS)?";
  spec.params = {
      {"delays", ParamKind::choice_list, "uniform,exponential,pareto,no_propagation",
       "delay distributions; no_propagation = the PBS closed form's regime", 0, 0,
       {"uniform", "exponential", "pareto", kNoPropagation}},
      {"n", ParamKind::integer_list, "3", "replicas per key", 1, 16, {}},
      {"r", ParamKind::integer_list, "1,2", "read quorums", 1, 16, {}},
      {"w", ParamKind::integer_list, "1,2", "write quorums", 1, 16, {}},
      {"t_ms", ParamKind::real_list, "0,1,2,4,8,16,32",
       "read this long after the put's ack, virtual ms", 0, 10000, {}},
      {"trials", ParamKind::integer, "200", "put-then-get trials per point and seed", 1,
       1000000, {}},
      {"delay_mean_ms", ParamKind::real, "2", "mean one-way message delay, ms", 0.001, 1000, {}},
      {"delay_cap_ms", ParamKind::real, "1000", "cap of exponential and Pareto delays, ms",
       0.001, 10000, {}},
      {"pareto_shape", ParamKind::real, "1.5", "Pareto shape alpha (> 1)", 1.001, 100, {}},
      {"anti_entropy_ms", ParamKind::real, "300",
       "anti-entropy and handoff period, ms (background propagation)", 1, 60000, {}},
  };
  spec.points = staleness_points;
  spec.run = run_staleness_point;
  spec.plots = [](const Params&, const std::vector<PointSummary>& summaries) {
    return std::vector<std::pair<std::string, Plot>>{
        {"staleness-t-visibility", visibility_plot(summaries)}};
  };
  spec.notes = [](const Params&, const std::vector<PointSummary>& summaries) {
    return closed_form_notes(summaries);
  };
  return spec;
}

}  // namespace dt
