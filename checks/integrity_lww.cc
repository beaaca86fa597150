#include "checks/integrity_lww.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "checks/lww_order.h"
#include "core/assert.h"

namespace dt {

namespace {

// One main-store record of a node for a key: under LWW a node holds one
// version per key, so each such record replaces what the node held before.
struct StoreEvent {
  uint32_t position = 0;
  TimeNs time_ns = 0;
  WriteId write_id = 0;
};

using Timelines = std::map<std::pair<Key, NodeId>, std::vector<StoreEvent>>;

// Per (key, node), in trace order; and the position of each node's last wipe.
struct StoreHistory {
  Timelines timelines;
  std::vector<std::optional<uint32_t>> last_wipe_at;
};

StoreHistory store_history(const CheckContext& ctx) {
  const std::vector<TraceRecord>& records = ctx.input.trace.records;
  StoreHistory out;
  out.last_wipe_at.resize(ctx.input.config.nodes);
  for (size_t i = 0; i < records.size(); ++i) {
    const TraceRecord& r = records[i];
    if (r.node >= ctx.input.config.nodes) continue;  // names no node: holds nothing
    const auto position = static_cast<uint32_t>(i);
    if (r.kind == TraceKind::wiped || r.kind == TraceKind::lost_on_wipe) {
      out.last_wipe_at[r.node] = position;
    } else if (is_main_store_record(r.kind)) {
      out.timelines[{r.key, r.node}].push_back(StoreEvent{position, r.time_ns, r.write_id});
    }
  }
  return out;
}

// A version of write `id` that a store of `key` could hold: one the index knows on that key
// (anything else is causality's unknown_write).
bool known_on_key(const CheckContext& ctx, WriteId id, Key key) {
  const auto op = ctx.index.op_of_write(id);
  return op && ctx.index.op(*op).key == key;
}

std::string stamp_text(const LwwOrder& order, WriteId id) {
  const LwwStamp* s = order.stamp(id);
  return s == nullptr ? fmt::format("w{} (timestamp unknown)", id)
                      : fmt::format("w{} (timestamp {} ns)", id, s->timestamp_ns);
}

// Final main stores: every version a node stored since its last wipe is reached
// from what it ends with by a chain of merges' "beats".
size_t check_final_stores(const CheckContext& ctx, const LwwOrder& order,
                          const StoreHistory& history, PropertyVerdict& verdict) {
  size_t checked = 0;
  // Final states are one per node, by id (convergence reports when they are not).
  if (ctx.input.trace.final_states.size() != ctx.input.config.nodes) return 0;
  for (const auto& [where, events] : history.timelines) {
    const auto [key, node] = where;
    if (ctx.input.trace.final_states[node].node != node) continue;  // unreadable: not judged
    const std::optional<uint32_t> wipe = history.last_wipe_at[node];
    const auto& store = ctx.input.trace.final_states[node].store;
    const auto held = store.find(key);
    if (held != store.end() && held->second.size() != 1) continue;  // not one LWW version
    ++checked;
    const WriteId final_write = held == store.end() ? 0 : held->second.front().write_id;
    for (const StoreEvent& e : events) {
      if ((wipe && e.position < *wipe) || e.write_id == final_write) continue;
      if (!known_on_key(ctx, e.write_id, key)) continue;
      if (final_write != 0 && order.reaches(key, final_write, e.write_id)) continue;
      const std::string ends_with =
          final_write == 0 ? "no version of the key" : stamp_text(order, final_write);
      verdict.violations.push_back(Violation{
          true, "lww_wrong_winner", {}, {key}, {node}, {final_write, e.write_id}, {e.time_ns},
          fmt::format("node {} stored {} of key {} in its main store at {} ns and was not wiped "
                      "since, yet ends with {}, which no chain of last-writer-wins merges lets "
                      "win over it (a merge keeps the version that supersedes the other, else "
                      "the higher (timestamp, dot))",
                      node, stamp_text(order, e.write_id), key, e.time_ns, ends_with)});
      if (auto op = ctx.index.op_of_write(e.write_id)) {
        verdict.violations.back().op_indices = {ctx.index.op(*op).invoke_index};
      }
      break;  // one violation per store
    }
  }
  return checked;
}

// The version `node` held for `key` from before `from_ns` through `to_ns`
// (no store and no wipe in [from_ns, to_ns]), if any.
std::optional<WriteId> held_throughout(const CheckContext& ctx, const StoreHistory& history,
                                       Key key, NodeId node, TimeNs from_ns, TimeNs to_ns) {
  const auto it = history.timelines.find({key, node});
  if (it == history.timelines.end()) return std::nullopt;
  const std::vector<StoreEvent>& events = it->second;
  // First event at or after from_ns: it and everything later is not "before".
  const auto after = std::lower_bound(
      events.begin(), events.end(), from_ns,
      [](const StoreEvent& e, TimeNs t) { return e.time_ns < t; });
  if (after == events.begin()) return std::nullopt;
  if (after != events.end() && after->time_ns <= to_ns) return std::nullopt;
  // std::prev needs a store before from_ns: the first test above is all that ensures it.
  DT_ASSERT(after != events.begin(), "no store before from_ns");
  const StoreEvent& last = *std::prev(after);
  // Inclusive of the store's own time: a wipe stamped with it may have come after.
  if (ctx.trace.wipe_between(node, last.time_ns, to_ns)) return std::nullopt;
  DT_ASSERT(last.time_ns < from_ns, "held from before the get");
  return last.write_id;
}

Violation get_violation(const LwwOrder& order, const IndexedOp& get, const Siblings& read,
                        NodeId replica, WriteId held) {
  const std::string returned =
      read.empty() ? "no version" : stamp_text(order, read.front().write_id);
  Violation v;
  v.promised = true;
  v.kind = "lww_get_wrong_winner";
  v.op_indices = {get.invoke_index, get.completion_index};
  v.keys = {get.key};
  v.nodes = {replica, get.coordinator};
  v.writes = {held};
  if (!read.empty()) v.writes.insert(v.writes.begin(), read.front().write_id);
  v.times = {get.invoke_ns, get.completion_ns};
  v.explanation = fmt::format(
      "get history[{}] on key {} returned {}, but replica {}, which answered it, held {} in "
      "its main store from before the get was invoked ({} ns) until it completed ({} ns); "
      "no chain of last-writer-wins merges lets the returned version win over it",
      get.invoke_index, get.key, returned, replica, stamp_text(order, held), get.invoke_ns,
      get.completion_ns);
  return v;
}

// Gets: the answer is the merge of the replies, so it reaches what every replica
// that answered held throughout the get.
size_t check_gets(const CheckContext& ctx, const LwwOrder& order, const StoreHistory& history,
                  PropertyVerdict& verdict) {
  size_t checked = 0;
  for (const IndexedOp& get : ctx.index.ops()) {
    if (get.f != OpFn::get || !get.ok()) continue;
    const Siblings& read = ctx.index.completion_of(get).read;
    if (read.size() > 1) continue;  // not one LWW version: causality's and the merge's concern
    for (NodeId replica : ctx.trace.replied(get.op_id)) {
      const std::optional<WriteId> held =
          held_throughout(ctx, history, get.key, replica, get.invoke_ns, get.completion_ns);
      if (!held || !known_on_key(ctx, *held, get.key)) continue;
      ++checked;
      if (!read.empty() && order.reaches(get.key, read.front().write_id, *held)) continue;
      verdict.violations.push_back(get_violation(order, get, read, replica, *held));
      break;  // one violation per get
    }
  }
  return checked;
}

}  // namespace

LwwIntegrityCounts check_lww_integrity(const CheckContext& ctx, PropertyVerdict& verdict) {
  DT_ASSERT(ctx.input.config.versioning == Versioning::lww, "LWW rules under LWW only");
  const LwwOrder order(ctx);
  const StoreHistory history = store_history(ctx);
  DT_ASSERT(history.last_wipe_at.size() == ctx.input.config.nodes, "one wipe slot per node");
  LwwIntegrityCounts counts;
  counts.timestamp_disagreements = order.disagreements();
  counts.stores_checked = check_final_stores(ctx, order, history, verdict);
  counts.replies_checked = check_gets(ctx, order, history, verdict);
  return counts;
}

}  // namespace dt
