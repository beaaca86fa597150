#include "checks/durability.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

#include "checks/copy_tracker.h"
#include "checks/supersession.h"
#include "core/assert.h"

namespace dt {

bool durability_promised(const Config& config) { return config.versioning == Versioning::vclock; }

namespace {

struct LostWrite {
  size_t op = 0;
  std::vector<NodeId> missing_on;  // home replicas without it (or a descendant)
};

bool holds_descendant(const Siblings* siblings, const Supersession& supersession,
                      WriteId write_id) {
  if (siblings == nullptr) return false;
  return std::any_of(siblings->begin(), siblings->end(),
                     [&](const Version& v) { return supersession.descends(v.write_id, write_id); });
}

// A copy is matched by dot and write id: a version with the write's dot but
// another write id (a reused dot, Riak kv679) is not a copy of the write.
bool siblings_hold(const Siblings& siblings, WriteId write_id, const WriteFact* fact) {
  return std::any_of(siblings.begin(), siblings.end(), [&](const Version& v) {
    if (v.write_id == write_id) return true;
    return fact != nullptr && fact->dot && v.dot != *fact->dot &&
           clock_covers(v.context, *fact->dot);
  });
}

const Siblings* final_siblings(const CheckContext& ctx, NodeId node, Key key) {
  const NodeState& state = ctx.input.trace.final_states[node];
  const auto it = state.store.find(key);
  return it == state.store.end() ? nullptr : &it->second;
}

std::vector<NodeId> missing_on(const CheckContext& ctx, const IndexedOp& write) {
  DT_ASSERT(write.ok() && is_write(write.f), "only acked writes must be durable");
  DT_ASSERT(ctx.input.trace.final_states.size() == ctx.input.config.nodes, "final states");
  std::vector<NodeId> missing;
  const WriteFact* fact = ctx.writes.find(write.write_id);
  for (NodeId node : ctx.placement.home_of_key(write.key)) {
    const Siblings* siblings = final_siblings(ctx, node, write.key);
    if (siblings == nullptr || !siblings_hold(*siblings, write.write_id, fact))
      missing.push_back(node);
  }
  return missing;
}

// Positions of the key's records and of node faults, merged in trace order.
std::vector<uint32_t> relevant_records(const CheckContext& ctx, Key key) {
  const std::vector<uint32_t>& of_key = ctx.trace.records_of_key(key);
  const std::vector<uint32_t>& faults = ctx.trace.node_fault_records();
  std::vector<uint32_t> merged;
  merged.reserve(of_key.size() + faults.size());
  std::merge(of_key.begin(), of_key.end(), faults.begin(), faults.end(),
             std::back_inserter(merged));
  DT_ASSERT(std::is_sorted(merged.begin(), merged.end()), "records out of trace order");
  DT_ASSERT(merged.size() == of_key.size() + faults.size(), "merge lost records");
  return merged;
}

// Losses a fault explains (CopyTracker names only fault records or protocol
// removals as destroyers; a node's own lost_on_* claim never is one).
bool is_fault_loss(TraceKind kind) {
  return kind == TraceKind::wiped || kind == TraceKind::crashed;
}

// With durable hints a crash must not lose a hint: a node that says it did is
// a bug, whether or not the write survives elsewhere.
void check_durable_hints(const CheckContext& ctx, PropertyVerdict& verdict) {
  if (ctx.input.config.hint_store != HintStoreMode::durable) return;
  for (const TraceRecord& r : ctx.input.trace.records) {
    if (r.kind != TraceKind::lost_on_crash) continue;
    Violation v;
    v.promised = true;
    v.kind = "durable_hint_lost";
    v.keys = {r.key};
    v.nodes = {r.node, r.peer};
    v.writes = {r.write_id};
    v.times = {r.time_ns};
    v.explanation = fmt::format(
        "at {} ns node {} lost its hint of w{} (key {}, for node {}) on a crash, but "
        "hint_store = durable: hints must survive crashes",
        r.time_ns, r.node, r.write_id, r.key, r.peer);
    verdict.violations.push_back(std::move(v));
  }
}

bool lww_replaced(const CheckContext& ctx, const LostWrite& lost) {
  if (ctx.input.config.versioning != Versioning::lww) return false;
  const Key key = ctx.index.op(lost.op).key;
  return std::all_of(lost.missing_on.begin(), lost.missing_on.end(), [&](NodeId node) {
    const Siblings* siblings = final_siblings(ctx, node, key);
    return siblings != nullptr && !siblings->empty();
  });
}

Violation judge_loss(const CheckContext& ctx, const LostWrite& lost, const CopyTracker& copies) {
  const IndexedOp& write = ctx.index.op(lost.op);
  DT_ASSERT(write.ok() && is_write(write.f), "only acked writes can be lost");
  DT_ASSERT(!lost.missing_on.empty(), "a loss needs a replica missing the write");
  Violation v;
  v.op_indices = {write.invoke_index, write.completion_index};
  v.keys = {write.key};
  v.nodes = lost.missing_on;
  v.writes = {write.write_id};
  v.times = {write.completion_ns};
  const std::string head = fmt::format(
      "write w{} on key {} (history[{}], acknowledged at {} ns) is missing after quiescence on "
      "home replicas {{{}}}",
      write.write_id, write.key, write.invoke_index, write.completion_ns,
      fmt::join(lost.missing_on, ","));
  if (lww_replaced(ctx, lost)) {
    v.kind = "lww_overwrite";
    v.explanation = head + "; expected: under last-writer-wins a concurrent version with a "
                           "later timestamp replaced it on those replicas";
    return v;
  }
  const bool promised = durability_promised(ctx.input.config);
  const std::optional<TraceRecord>& last_loss = copies.last_destruction();
  if (copies.ever_copied() && copies.live_copies() == 0 && last_loss &&
      is_fault_loss(last_loss->kind)) {
    const TraceRecord& last = *last_loss;
    v.kind = "write_lost_to_faults";
    v.times.push_back(last.time_ns);
    v.explanation = head + fmt::format(
        "; expected: every copy was destroyed by faults before it spread; the last one died at "
        "{} ns on node {} ({})",
        last.time_ns, last.node, to_string(last.kind));
    return v;
  }
  v.promised = promised;
  v.kind = copies.ever_copied() ? "lost_write" : "acked_write_never_stored";
  if (!copies.ever_copied()) {
    v.explanation = head + "; the trace shows no node ever storing it although it was "
                           "acknowledged";
  } else if (copies.live_copies() == 0 && last_loss) {
    v.explanation = head + fmt::format("; the last copy went at {} ns on node {} by {}, which "
                                       "is not a fault",
                                       last_loss->time_ns, last_loss->node,
                                       to_string(last_loss->kind));
  } else {
    v.explanation = head + fmt::format("; copies were never all destroyed (still held: {})",
                                       copies.holders_text());
  }
  if (!promised) v.explanation += "; not promised: durability is promised only under vclock";
  return v;
}

}  // namespace

PropertyVerdict check_durability(const CheckContext& ctx) {
  PropertyVerdict verdict;
  verdict.property = kDurability;
  verdict.promised = durability_promised(ctx.input.config);
  const ReplicaTrace& trace = ctx.input.trace;
  if (trace.final_states.size() != ctx.input.config.nodes) {
    verdict.summary = fmt::format("not checked: {} final states for {} nodes",
                                  trace.final_states.size(), ctx.input.config.nodes);
    return verdict;
  }
  verdict.checked = true;
  std::map<Key, std::vector<LostWrite>> lost_by_key;
  size_t acked = 0;
  for (size_t number = 0; number < ctx.index.ops().size(); ++number) {
    const IndexedOp& op = ctx.index.op(number);
    if (!is_write(op.f) || !op.ok()) continue;
    ++acked;
    std::vector<NodeId> missing = missing_on(ctx, op);
    if (!missing.empty()) lost_by_key[op.key].push_back({number, std::move(missing)});
  }
  // Built only when some write failed the direct check: most runs lose nothing.
  std::optional<Supersession> supersession;
  if (!lost_by_key.empty()) supersession.emplace(ctx.index, ctx.writes);
  for (auto& [lost_key, losses] : lost_by_key) {
    const Key key = lost_key;  // a plain variable: clang 14 cannot capture bindings
    const std::vector<uint32_t> records = relevant_records(ctx, key);
    for (LostWrite& lost : losses) {
      const WriteId write_id = ctx.index.op(lost.op).write_id;
      // A chain of superseding versions counts as a descendant too.
      std::erase_if(lost.missing_on, [&](NodeId node) {
        return holds_descendant(final_siblings(ctx, node, key), *supersession, write_id);
      });
      if (lost.missing_on.empty()) continue;
      // judge_loss reads no copies for an LWW overwrite: skip the walk over the key's
      // records, which would make many overwritten writes on one key quadratic.
      const bool replaced = lww_replaced(ctx, lost);
      CopyTracker copies(ctx.input.config,
                         replaced ? std::unordered_set<WriteId>{write_id}
                                  : supersession->descendants(write_id),
                         write_id);
      if (!replaced) {
        for (uint32_t position : records) copies.apply(trace.records[position]);
      }
      Violation v = judge_loss(ctx, lost, copies);
      if (v.promised && !trace.quiesced) {
        v.promised = false;
        v.explanation += "; not judged as a bug: the run did not quiesce (see convergence)";
      }
      verdict.violations.push_back(std::move(v));
    }
  }
  const size_t losses = verdict.violations.size();
  check_durable_hints(ctx, verdict);
  verdict.summary = fmt::format("{} acknowledged writes checked on their home replicas, {} "
                                "missing ({} unexplained)",
                                acked, losses, verdict.promised_violation_count());
  if (verdict.violations.size() > losses) {
    verdict.summary += fmt::format("; {} durable hints lost on crash",
                                   verdict.violations.size() - losses);
  }
  DT_ASSERT(losses <= acked, "more losses than acked writes");
  DT_ASSERT(verdict.promised_violation_count() <= verdict.violations.size(), "counts");
  return verdict;
}

PropertyVerdict check_durability(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kDurability, ctx.error());
  return check_durability(ctx.value());
}

}  // namespace dt
