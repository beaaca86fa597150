#include "checks/convergence.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "checks/merkle_root.h"
#include "core/assert.h"
#include "core/convergence_bound.h"

namespace dt {

namespace {

const Siblings kNoSiblings;

const Siblings& siblings_at(const NodeState& state, Key key) {
  const auto it = state.store.find(key);
  return it == state.store.end() ? kNoSiblings : it->second;
}

// Every key held by any node's main store, grouped by partition.
std::map<uint32_t, std::set<Key>> keys_by_partition(const CheckContext& ctx) {
  std::map<uint32_t, std::set<Key>> keys;
  for (const NodeState& state : ctx.input.trace.final_states) {
    for (const auto& [key, siblings] : state.store) keys[ctx.placement.partition(key)].insert(key);
  }
  return keys;
}

void check_key(const CheckContext& ctx, Key key, const std::vector<NodeId>& home,
               PropertyVerdict& verdict) {
  const std::vector<NodeState>& states = ctx.input.trace.final_states;
  DT_ASSERT(!home.empty(), "a key without home replicas");
  DT_ASSERT(states.size() == ctx.input.config.nodes, "one final state per node");
  const Siblings& first = siblings_at(states[home.front()], key);
  for (size_t i = 1; i < home.size(); ++i) {
    const Siblings& other = siblings_at(states[home[i]], key);
    if (other == first) continue;
    std::string listing;
    std::set<WriteId> writes;
    for (NodeId node : home) {
      const Siblings& s = siblings_at(states[node], key);
      listing += fmt::format(" node {}: {};", node, to_string(s));
      for (const Version& v : s) writes.insert(v.write_id);
    }
    verdict.violations.push_back(Violation{
        true, "diverged_replicas", {}, {key}, home, {writes.begin(), writes.end()},
        {ctx.input.trace.final_reads_ns},
        fmt::format("after quiescence the home replicas of key {} (partition {}) hold different "
                    "siblings:{}",
                    key, ctx.placement.partition(key), listing)});
    return;
  }
}

void check_roots(const CheckContext& ctx, uint32_t partition, PropertyVerdict& verdict) {
  const std::vector<NodeId>& home = ctx.placement.home_of_partition(partition);
  const std::vector<NodeState>& states = ctx.input.trace.final_states;
  DT_ASSERT(!home.empty(), "a partition without home replicas");
  DT_ASSERT(states.size() == ctx.input.config.nodes, "one final state per node");
  std::vector<std::optional<uint64_t>> roots;
  for (NodeId node : home) {
    const auto it = states[node].merkle_roots.find(partition);
    roots.push_back(it == states[node].merkle_roots.end() ? std::nullopt
                                                          : std::optional(it->second));
  }
  for (size_t i = 1; i < roots.size(); ++i) {
    if (roots[i] == roots[0]) continue;
    std::string listing;
    for (size_t j = 0; j < roots.size(); ++j) {
      listing += roots[j] ? fmt::format(" node {}: {:016x};", home[j], *roots[j])
                          : fmt::format(" node {}: none;", home[j]);
    }
    verdict.violations.push_back(Violation{
        true, "merkle_roots_differ", {}, {}, home, {}, {ctx.input.trace.final_reads_ns},
        fmt::format("after quiescence the Merkle roots of partition {} differ:{}", partition,
                    listing)});
    return;
  }
}

// Each root a node reports must be the root of its own store's keys of that
// partition: equal but wrong roots on every replica would pass check_roots.
void check_reported_roots(const CheckContext& ctx, const NodeState& state,
                          PropertyVerdict& verdict) {
  const uint32_t depth = ctx.input.config.merkle_depth;
  for (const auto& [partition, reported] : state.merkle_roots) {
    if (partition >= ctx.placement.partitions()) {
      verdict.violations.push_back(Violation{
          true, "merkle_root_wrong", {}, {}, {state.node}, {}, {ctx.input.trace.final_reads_ns},
          fmt::format("node {} reports a Merkle root for partition {}, but the ring has only {} "
                      "partitions",
                      state.node, partition, ctx.placement.partitions())});
      continue;
    }
    const uint64_t expected = expected_merkle_root(state.store, ctx.placement, partition, depth);
    if (reported == expected) continue;
    std::vector<Key> keys;
    for (const auto& [key, siblings] : state.store) {
      if (ctx.placement.partition(key) == partition) keys.push_back(key);
    }
    verdict.violations.push_back(Violation{
        true, "merkle_root_wrong", {}, keys, {state.node}, {}, {ctx.input.trace.final_reads_ns},
        fmt::format("node {} reports Merkle root {:016x} for partition {}, but the {} keys of that "
                    "partition in its final store hash to {:016x} (depth {})",
                    state.node, reported, partition, keys.size(), expected, depth)});
  }
}

void check_hints(const CheckContext& ctx, PropertyVerdict& verdict) {
  DT_ASSERT(verdict.checked, "hints are judged only with final states");
  DT_ASSERT(ctx.input.trace.final_states.size() == ctx.input.config.nodes, "final states");
  for (const NodeState& state : ctx.input.trace.final_states) {
    for (const auto& [intended, by_key] : state.hints) {
      if (by_key.empty()) continue;
      std::vector<Key> keys;
      std::vector<WriteId> writes;
      for (const auto& [key, siblings] : by_key) {
        keys.push_back(key);
        for (const Version& v : siblings) writes.push_back(v.write_id);
      }
      verdict.violations.push_back(Violation{
          true, "hint_left", {}, keys, {state.node, intended}, writes,
          {ctx.input.trace.final_reads_ns},
          fmt::format("after quiescence node {} still holds hints for node {} (keys {}), which "
                      "is live after the final heal",
                      state.node, intended, fmt::join(keys, ","))});
    }
  }
}

// Empty when a run that did not quiesce had the rounds a correct store
// needs (core/convergence_bound.h); else why its phase was cut short.
std::string cut_short_reason(const Config& config) {
  const ConvergenceBound bound = quiescence_rounds_needed(config);
  if (!bound.rounds) return "this config gives anti-entropy no bound on convergence: " + bound.why_none;
  if (config.quiescence_rounds >= *bound.rounds) return "";
  return fmt::format(
      "config.quiescence_rounds ({}) is below the {} rounds a correct store may need here "
      "(anti-entropy visits {} (partition, peer) pairs per node, one per round); raise it",
      config.quiescence_rounds, *bound.rounds, bound.cycle_exchanges);
}

}  // namespace

PropertyVerdict check_convergence(const CheckContext& ctx) {
  const ReplicaTrace& trace = ctx.input.trace;
  PropertyVerdict verdict;
  verdict.property = kConvergence;
  verdict.promised = true;
  if (trace.final_states.size() != ctx.input.config.nodes) {
    verdict.summary = fmt::format("not checked: {} final states for {} nodes",
                                  trace.final_states.size(), ctx.input.config.nodes);
    return verdict;
  }
  verdict.checked = true;
  // A phase cut short by its bound shows nothing about the store: only
  // within the rounds a correct store needs is not quiescing a bug.
  const std::string cut_short = trace.quiesced ? "" : cut_short_reason(ctx.input.config);
  if (!trace.quiesced) {
    verdict.violations.push_back(Violation{
        cut_short.empty(), "not_quiesced", {}, {}, {}, {}, {trace.final_heal_ns},
        fmt::format("the run did not quiesce within {} rounds after the final heal at {} ns{}",
                    trace.quiescence_rounds_used, trace.final_heal_ns,
                    cut_short.empty() ? "" : "; not judged as a bug: " + cut_short)});
  }
  const size_t after_quiesced_from = verdict.violations.size();
  size_t keys_checked = 0;
  for (const auto& [partition, keys] : keys_by_partition(ctx)) {
    const std::vector<NodeId>& home = ctx.placement.home_of_partition(partition);
    DT_ASSERT(!home.empty(), "a partition without home replicas");
    for (Key key : keys) check_key(ctx, key, home, verdict);
    keys_checked += keys.size();
  }
  for (uint32_t p = 0; p < ctx.placement.partitions(); ++p) check_roots(ctx, p, verdict);
  check_hints(ctx, verdict);
  if (!cut_short.empty()) {
    for (size_t i = after_quiesced_from; i < verdict.violations.size(); ++i) {
      Violation& v = verdict.violations[i];
      v.promised = false;
      v.explanation += "; not judged as a bug: the run did not quiesce (see not_quiesced)";
    }
  }
  // A root must summarise its own store whether or not the run quiesced.
  for (const NodeState& state : trace.final_states) check_reported_roots(ctx, state, verdict);
  verdict.summary = fmt::format("{} keys in {} partitions compared; quiesced: {} after {} of {} "
                                "rounds",
                                keys_checked, ctx.placement.partitions(),
                                trace.quiesced ? "yes" : "no", trace.quiescence_rounds_used,
                                ctx.input.config.quiescence_rounds);
  DT_ASSERT(verdict.checked, "convergence verdict must be checked here");
  return verdict;
}

PropertyVerdict check_convergence(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kConvergence, ctx.error());
  return check_convergence(ctx.value());
}

}  // namespace dt
