#include "explore/summary.h"

#include <fmt/format.h>

#include "core/assert.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

std::string reductions_text(const SearchOptions& o) {
  std::string out;
  if (o.sleep_sets) out += "sleep-sets";
  if (o.identity.symmetry) out += std::string(out.empty() ? "" : ",") + "client-symmetry";
  if (o.identity.commuting_steps) out += std::string(out.empty() ? "" : ",") + "commuting-steps";
  return out.empty() ? "none" : out;
}

std::string kinds_text(const ExploreStats& s, bool enabled_ones) {
  std::string out;
  for (size_t k = 0; k < kChoiceKindCount; ++k) {
    if ((s.enabled[k] > 0) != enabled_ones) continue;
    if (!out.empty()) out += " ";
    out += to_string(static_cast<ChoiceKind>(k));
    if (enabled_ones) out += fmt::format("({})", s.taken[k]);
  }
  return out.empty() ? "-" : out;
}

std::string hits_text(const BoundHits& hits) {
  std::string out;
  for (const std::string& name : hits.names()) out += (out.empty() ? "" : " ") + name;
  return out.empty() ? "none" : out;
}

double per_second(uint64_t count, double seconds) {
  return seconds > 0 ? static_cast<double>(count) / seconds : 0.0;
}

}  // namespace

std::string explore_config_text(const Config& c) {
  return fmt::format("nodes={} N={} R={} W={} Q={} {} hints={} {}", c.nodes, c.replicas_n,
                     c.read_quorum_r, c.write_quorum_w, c.partitions_q, to_string(c.quorum_mode),
                     to_string(c.hint_store), to_string(c.versioning));
}

std::string explore_summary_text(const ExploreHeader& h, const ExploreResult& r) {
  const ExploreStats& s = r.stats;
  std::string out;
  out += fmt::format("side:        {}{}\n", h.side, h.inject.empty() ? "" : " inject=" + h.inject);
  out += fmt::format("config:      {}\n", explore_config_text(h.config));
  out += fmt::format("bounds:      {}\n", h.bounds.describe());
  out += fmt::format("search:      {}{} jobs={} reductions={}{}\n",
                     h.options.order == SearchOrder::bfs ? "bfs" : "dfs",
                     h.options.compact_frontier ? " compact-frontier" : "", h.options.jobs,
                     reductions_text(h.options),
                     h.options.identity.exact_order
                         ? " identity=exact-order"
                         : " identity=per-node-order (docs/explore.md: --exact-order)");
  const size_t violations = r.counterexample ? std::max<uint64_t>(s.failing_paths, 1) : 0;
  if (r.counterexample) {
    const Counterexample& c = *r.counterexample;
    out += fmt::format("VIOLATION:   {} after {} steps{} (digest {})\n", c.verdict.failure,
                       c.choices.size(),
                       h.options.order == SearchOrder::bfs ? " (a shortest counterexample)" : "",
                       digest_hex(c.verdict.digest));
  }
  out += fmt::format(
      "{}: {} states, {} transitions, max depth {}, {} complete histories checked, bounds {}, "
      "{} violations\n",
      r.counterexample ? "explored" : (r.exhaustive() ? "verified" : "explored (NOT exhaustive)"),
      s.states, s.transitions, s.max_depth, s.histories_checked, h.bounds.describe(), violations);
  out += fmt::format("enabled:     {}\n", kinds_text(s, true));
  out += fmt::format("never:       {}\n", kinds_text(s, false));
  out += fmt::format(
      "bounds hit:  {}{}\n", hits_text(s.hits),
      r.exhaustive() ? "" : "  (depth, state, memory or time bound hit: NOT exhaustive)");
  out += fmt::format(
      "rate:        {:.2f} s, {:.0f} states/s, {:.0f} transitions/s, sleep sets skipped {} "
      "steps (states expanded again for woken steps: {})\n",
      s.seconds, per_second(s.states, s.seconds), per_second(s.transitions, s.seconds),
      s.sleep_skipped, s.sleep_revisits);
  out += fmt::format(
      "memory:      visited set {} bytes ({:.1f} bytes/state), peak RSS {} MB\n", s.visited_bytes,
      s.states ? static_cast<double>(s.visited_bytes) / s.states : 0.0, s.peak_rss_bytes >> 20);
  if (r.counterexample) {
    out += "counterexample:\n";
    const auto& choices = r.counterexample->choices;
    for (size_t i = 0; i < choices.size(); ++i) {
      out += fmt::format("  {:3} {}\n", i + 1, choices[i].text);
    }
  }
  return out;
}

nlohmann::json explore_summary_json(const ExploreHeader& h, const ExploreResult& r) {
  const ExploreStats& s = r.stats;
  nlohmann::json j;
  j["side"] = h.side;
  j["inject"] = h.inject;
  j["config"] = explore_config_text(h.config);
  j["bounds"] = h.bounds.describe();
  j["search"] = {{"order", h.options.order == SearchOrder::bfs ? "bfs" : "dfs"},
                 {"jobs", h.options.jobs},
                 {"compact_frontier", h.options.compact_frontier},
                 {"reductions", reductions_text(h.options)},
                 {"exact_order", h.options.identity.exact_order}};
  // One word for a report page: verified | violation | not_exhaustive.
  j["verdict"] = r.counterexample ? "violation" : (r.exhaustive() ? "verified" : "not_exhaustive");
  j["verified"] = !r.counterexample && r.exhaustive();
  j["exhaustive"] = r.exhaustive();
  j["states"] = s.states;
  j["transitions"] = s.transitions;
  j["max_depth"] = s.max_depth;
  j["histories_checked"] = s.histories_checked;
  j["failing_paths"] = s.failing_paths;
  j["sleep_skipped"] = s.sleep_skipped;
  j["sleep_revisits"] = s.sleep_revisits;
  nlohmann::json kinds = nlohmann::json::object();
  for (size_t k = 0; k < kChoiceKindCount; ++k) {
    kinds[to_string(static_cast<ChoiceKind>(k))] = {{"enabled_states", s.enabled[k]},
                                                    {"taken", s.taken[k]}};
  }
  j["choice_kinds"] = kinds;
  j["bounds_hit"] = s.hits.names();
  j["seconds"] = s.seconds;
  j["states_per_second"] = per_second(s.states, s.seconds);
  j["visited_bytes"] = s.visited_bytes;
  j["visited_bytes_per_state"] = s.states ? static_cast<double>(s.visited_bytes) / s.states : 0.0;
  j["peak_rss_bytes"] = s.peak_rss_bytes;
  if (r.counterexample) {
    const Counterexample& c = *r.counterexample;
    nlohmann::json steps = nlohmann::json::array();
    for (const Choice& choice : c.choices) steps.push_back(choice.text);
    j["violation"] = {{"failure", c.verdict.failure},
                      {"steps", c.choices.size()},
                      {"digest", digest_hex(c.verdict.digest)},
                      {"choices", steps}};
  } else {
    j["violation"] = nullptr;
  }
  return j;
}

}  // namespace dt
