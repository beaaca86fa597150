// `merkle`: what does one anti-entropy exchange cost (hash comparisons,
// keys moved, bytes) against the number of differing keys and the tree
// depth, up to 16M keys? Each point is a (depth, differing keys) setting; a
// seed picks the key contents and which keys differ (merkle_cost.h).
#include "experiments/catalog.h"
#include "experiments/merkle_cost.h"
#include "experiments/points.h"

namespace dt {

namespace {

std::vector<Measurement> run_merkle_point(const Params& params, const Point& point, uint64_t seed) {
  MerkleCostSetup setup;
  setup.keys = static_cast<uint64_t>(params.integer("keys"));
  setup.depths = {static_cast<uint32_t>(point.number("depth"))};
  setup.differing_keys = {static_cast<uint32_t>(point.number("differing"))};
  setup.entry_bytes = static_cast<uint32_t>(params.integer("entry_bytes"));
  setup.seed = seed;
  const MerkleCostPoint p = merkle_repair_cost(setup).at(0);
  const auto d = [](uint64_t v) { return static_cast<double>(v); };
  return {Measurement::mean("differing_leaves", p.differing_leaves),
          Measurement::mean("comparisons", d(p.comparisons)),
          Measurement::mean("expected_comparisons", p.expected_comparisons),
          Measurement::mean("keys_moved", d(p.keys_moved)),
          Measurement::mean("hash_bytes", d(p.hash_bytes)),
          Measurement::mean("data_bytes", d(p.data_bytes)),
          Measurement::mean("fraction_of_full_exchange",
                            d(p.hash_bytes + p.data_bytes) / d(p.full_exchange_bytes))};
}

Result<std::vector<Point>> merkle_points(const Params& params) {
  return cartesian_points({{"depth", coordinate_texts(params.integers("depths"))},
                           {"differing", coordinate_texts(params.integers("differing"))}});
}

// `metric` against differing keys (log-log), one series per depth.
Plot per_depth_plot(const std::vector<PointSummary>& summaries, const std::string& metric,
                    const std::string& title, const std::string& y_label) {
  Plot plot{title, {"keys that differ between the two replicas", AxisScale::log10},
            {y_label, AxisScale::log10}, {}};
  for (const PointSummary& s : summaries) {
    const MetricSummary* m = s.find(metric);
    if (m == nullptr) continue;
    const Interval& i = m->interval;
    series_named(plot, "depth " + s.point.get("depth"))
        .points.push_back({s.point.number("differing"), i.mean, i.low, i.high});
  }
  return plot;
}

}  // namespace

ExperimentSpec merkle_experiment() {
  ExperimentSpec spec;
  spec.name = "merkle";
  spec.question =
      "What does a Merkle anti-entropy exchange cost (hash comparisons, keys moved, bytes) "
      "against the number of differing keys and the tree depth, up to 16M keys?";
  spec.params = {
      {"keys", ParamKind::integer, "16777216", "keys on each replica", 1, 1u << 30, {}},
      {"depths", ParamKind::integer_list, "8,12,16,20", "tree depths (2^depth leaves)", 0, 20,
       {}},
      {"differing", ParamKind::integer_list, "1,10,100,1000,10000,100000",
       "keys one replica lacks", 0, 10000000, {}},
      {"entry_bytes", ParamKind::integer, "100", "bytes of one key's data on the wire", 0,
       1000000, {}},
  };
  spec.points = merkle_points;
  spec.run = run_merkle_point;
  spec.plots = [](const Params&, const std::vector<PointSummary>& summaries) {
    return std::vector<std::pair<std::string, Plot>>{
        {"merkle-comparisons",
         per_depth_plot(summaries, "comparisons", "Hash comparisons per exchange",
                        "hashes compared below the root")},
        {"merkle-keys-moved", per_depth_plot(summaries, "keys_moved",
                                             "Keys moved per exchange (both sides)",
                                             "keys sent")}};
  };
  return spec;
}

}  // namespace dt
