#include "checks/trace_completeness.h"

#include <set>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

namespace {

// (key, write id) for the main store; (intended, key, write id) for hints.
using MainEntry = std::pair<Key, WriteId>;
using HintEntry = std::tuple<NodeId, Key, WriteId>;

struct ReplayedNode {
  std::set<MainEntry> main;
  std::set<HintEntry> hints;
};

enum class Store { none, main, hints };
enum class Effect { none, add, remove };

struct RecordEffect {
  Store store = Store::none;
  Effect effect = Effect::none;
};

RecordEffect effect_of(const TraceRecord& r) {
  switch (r.kind) {
    case TraceKind::stored:
    case TraceKind::handed_off:
    case TraceKind::repaired:
    case TraceKind::anti_entropy_stored:
      return {Store::main, Effect::add};
    case TraceKind::superseded:
      return {Store::main, Effect::remove};
    case TraceKind::hinted:
      return {Store::hints, Effect::add};
    case TraceKind::hint_superseded:
    case TraceKind::hint_deleted:
    case TraceKind::lost_on_crash:
      return {Store::hints, Effect::remove};
    case TraceKind::lost_on_wipe:  // peer names the intended node of a lost hint
      return {r.peer == kNoNode ? Store::main : Store::hints, Effect::remove};
    default:
      return {};
  }
}

Violation recorder_violation(const char* kind, NodeId node, Key key, WriteId write,
                             std::vector<TimeNs> times, std::string explanation) {
  return Violation{true, kind, {}, {key}, {node}, {write}, std::move(times),
                   std::move(explanation)};
}

// A record that adds what the node already holds, or removes what it does not.
void apply_to_replayed(const TraceRecord& r, size_t position, ReplayedNode& node,
                       PropertyVerdict& verdict) {
  const RecordEffect e = effect_of(r);
  if (e.effect == Effect::none) return;
  bool consistent = true;
  if (e.store == Store::main) {
    const MainEntry entry{r.key, r.write_id};
    consistent = e.effect == Effect::add ? node.main.insert(entry).second
                                         : node.main.erase(entry) == 1;
  } else {
    const HintEntry entry{r.peer, r.key, r.write_id};
    consistent = e.effect == Effect::add ? node.hints.insert(entry).second
                                         : node.hints.erase(entry) == 1;
  }
  if (consistent) return;
  verdict.violations.push_back(recorder_violation(
      "trace_inconsistent", r.node, r.key, r.write_id, {r.time_ns},
      fmt::format("trace.records[{}] ({} at node {}, key {}, w{}{}) {} its {} store, but the "
                  "node's earlier records say it {} there",
                  position, to_string(r.kind), r.node, r.key, r.write_id,
                  e.store == Store::hints ? fmt::format(", for node {}", r.peer) : "",
                  e.effect == Effect::add ? "adds it to" : "removes it from",
                  e.store == Store::main ? "main" : "hint",
                  e.effect == Effect::add ? "already held it" : "did not hold it")));
}

std::set<MainEntry> final_main(const NodeState& state) {
  std::set<MainEntry> entries;
  for (const auto& [key, siblings] : state.store) {
    for (const Version& v : siblings) entries.insert({key, v.write_id});
  }
  return entries;
}

std::set<HintEntry> final_hints(const NodeState& state) {
  std::set<HintEntry> entries;
  for (const auto& [intended, keys] : state.hints) {
    for (const auto& [key, siblings] : keys) {
      for (const Version& v : siblings) entries.insert({intended, key, v.write_id});
    }
  }
  return entries;
}

template <typename Entry, typename Describe>
void compare(const std::set<Entry>& replayed, const std::set<Entry>& held, NodeId node,
             TimeNs end_ns, Describe describe, PropertyVerdict& verdict) {
  for (const Entry& e : held) {
    if (replayed.count(e)) continue;
    const auto [key, write, where] = describe(e);
    verdict.violations.push_back(recorder_violation(
        "trace_incomplete", node, key, write, {end_ns},
        fmt::format("node {} ends with w{} (key {}) in its {}, but its trace records never "
                    "put it there (or removed it since)",
                    node, write, key, where)));
  }
  for (const Entry& e : replayed) {
    if (held.count(e)) continue;
    const auto [key, write, where] = describe(e);
    verdict.violations.push_back(recorder_violation(
        "trace_incomplete", node, key, write, {end_ns},
        fmt::format("node {}'s trace records leave w{} (key {}) in its {}, but its final state "
                    "does not hold it: no record says how it went",
                    node, write, key, where)));
  }
}

}  // namespace

PropertyVerdict check_trace_completeness(const CheckContext& ctx) {
  const Config& config = ctx.input.config;
  const ReplicaTrace& trace = ctx.input.trace;
  PropertyVerdict verdict;
  verdict.property = kTraceCompleteness;
  verdict.promised = true;
  if (trace.final_states.size() != config.nodes) {
    verdict.summary = fmt::format("not checked: {} final states for {} nodes",
                                  trace.final_states.size(), config.nodes);
    return verdict;
  }
  verdict.checked = true;
  std::vector<ReplayedNode> nodes(config.nodes);
  size_t replayed = 0;
  for (size_t position = 0; position < trace.records.size(); ++position) {
    const TraceRecord& r = trace.records[position];
    if (r.node >= config.nodes || effect_of(r).effect == Effect::none) continue;
    ++replayed;
    apply_to_replayed(r, position, nodes[r.node], verdict);
  }
  const TimeNs end_ns = trace.records.empty() ? 0 : trace.records.back().time_ns;
  for (NodeId n = 0; n < config.nodes; ++n) {
    const NodeState& state = trace.final_states[n];
    compare(nodes[n].main, final_main(state), n, end_ns,
            [](const MainEntry& e) { return std::make_tuple(e.first, e.second, "main store"); },
            verdict);
    compare(nodes[n].hints, final_hints(state), n, end_ns,
            [](const HintEntry& e) {
              return std::make_tuple(std::get<1>(e), std::get<2>(e),
                                     fmt::format("hint store for node {}", std::get<0>(e)));
            },
            verdict);
  }
  verdict.summary = fmt::format("{} store records replayed on {} nodes against their final "
                                "main and hint stores",
                                replayed, config.nodes);
  DT_ASSERT(verdict.promised_violation_count() == verdict.violations.size(),
            "every recorder gap is a bug");
  return verdict;
}

PropertyVerdict check_trace_completeness(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kTraceCompleteness, ctx.error());
  return check_trace_completeness(ctx.value());
}

}  // namespace dt
