#include "checks/quorum_overlap.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "checks/lww_order.h"
#include "checks/supersession.h"
#include "core/assert.h"

namespace dt {

bool quorum_overlap_promised(const Config& config) {
  return config.quorum_mode == QuorumMode::strict &&
         config.read_quorum_r + config.write_quorum_w > config.replicas_n &&
         config.versioning == Versioning::vclock;
}

namespace {

// Per key: for each actor, the acknowledged write with the highest counter.
// A read context covering that dot covers every acked dot of the actor.
struct AckedByActor {
  ActorId actor = 0;
  uint64_t counter = 0;
  size_t write_op = 0;
};

struct StaleRead {
  size_t read_op = 0;
  size_t write_op = 0;
};

// clock_covers(context_of(siblings), dot) without building the merged clock:
// a get with many siblings would allocate one clock per sibling.
bool siblings_cover(const Siblings& siblings, const Dot& dot) {
  return std::any_of(siblings.begin(), siblings.end(), [&](const Version& v) {
    return (v.dot.actor == dot.actor && v.dot.counter >= dot.counter) ||
           clock_covers(v.context, dot);
  });
}

std::vector<NodeId> intersect(const std::vector<NodeId>& a, const std::vector<NodeId>& b) {
  std::vector<NodeId> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string nodes_text(const std::vector<NodeId>& nodes) {
  return fmt::format("{{{}}}", fmt::join(nodes, ","));
}

// The first node of `quorum_members` that held the write in its main store when the
// read was invoked and lost it to no wipe before the read completed.
std::optional<NodeId> holder_in(const CheckContext& ctx, const std::vector<NodeId>& members,
                                const IndexedOp& write, const IndexedOp& read) {
  for (NodeId node : members) {
    const auto stored_ns = ctx.trace.first_main_store_ns(write.write_id, node);
    if (!stored_ns || *stored_ns > read.invoke_ns) continue;
    if (ctx.trace.wipe_between(node, *stored_ns, read.completion_ns)) continue;
    return node;
  }
  return std::nullopt;
}

std::optional<std::pair<NodeId, TimeNs>> wiped_home(const CheckContext& ctx,
                                                     const IndexedOp& write,
                                                     const IndexedOp& read) {
  for (NodeId node : ctx.placement.home_of_key(read.key)) {
    if (auto t = ctx.trace.wipe_between(node, write.invoke_ns, read.completion_ns)) {
      return std::make_pair(node, *t);
    }
  }
  return std::nullopt;
}

bool any_outside_home(const CheckContext& ctx, Key key, const std::vector<NodeId>& nodes) {
  return std::any_of(nodes.begin(), nodes.end(),
                     [&](NodeId n) { return !ctx.placement.is_home(key, n); });
}

std::string lww_stamp_text(const LwwOrder& order, WriteId id) {
  const LwwStamp* s = order.stamp(id);
  if (s == nullptr) return fmt::format("w{} (timestamp unknown)", id);
  if (s->coordinator == kNoNode) return fmt::format("w{} (timestamp {} ns)", id, s->timestamp_ns);
  return fmt::format("w{} (timestamp {} ns from coordinator {}, clock skew {} ns)", id,
                     s->timestamp_ns, s->coordinator, s->skew_ns);
}

// Why the replies held neither the write nor a version ordered above it.
std::string lww_quorum_text(const CheckContext& ctx, const IndexedOp& write,
                            const IndexedOp& read, const std::vector<NodeId>& acks,
                            const std::vector<NodeId>& replies, const std::vector<NodeId>& both) {
  const Config& config = ctx.input.config;
  std::string text;
  if (!both.empty()) {
    text = fmt::format("nodes {} acknowledged w{} and answered the get, but no longer held it "
                       "(a merge replaced it) or never kept it",
                       nodes_text(both), write.write_id);
  } else {
    text = fmt::format("no replica both acknowledged the write and answered the get");
  }
  if (auto wipe = wiped_home(ctx, write, read)) {
    text += fmt::format("; home replica {} was wiped at {} ns", wipe->first, wipe->second);
  }
  if (config.read_quorum_r + config.write_quorum_w <= config.replicas_n) {
    text += fmt::format("; R + W = {} <= N = {}", config.read_quorum_r + config.write_quorum_w,
                        config.replicas_n);
  }
  std::vector<NodeId> all = acks;
  all.insert(all.end(), replies.begin(), replies.end());
  if (any_outside_home(ctx, read.key, all)) text += "; sloppy fallbacks took part";
  return text;
}

// What an LWW get returned instead of the missed write, and why.
std::string explain_lww(const CheckContext& ctx, const LwwOrder& order, const IndexedOp& read,
                        const IndexedOp& write, const std::vector<NodeId>& acks,
                        const std::vector<NodeId>& replies, const std::vector<NodeId>& both) {
  const Siblings& returned = ctx.index.completion_of(read).read;
  const std::string missed = lww_stamp_text(order, write.write_id);
  const std::string quorums = lww_quorum_text(ctx, write, read, acks, replies, both);
  if (returned.empty()) {
    return fmt::format("the get returned no version though {} was acknowledged; {}", missed,
                       quorums);
  }
  const WriteId got = returned.front().write_id;
  std::string text = fmt::format("the get returned {}, ordered below the missed {}",
                                 lww_stamp_text(order, got), missed);
  const std::optional<size_t> got_op = ctx.index.op_of_write(got);
  if (!order.beats(write.write_id, got)) {
    return fmt::format(
        "the get returned {}, which cannot be ranked against the missed {} (a "
        "timestamp or dot is unknown); {}",
        lww_stamp_text(order, got), missed, quorums);
  }
  if (ctx.writes.covers(write.write_id, got)) {
    text += fmt::format(", which causally supersedes it (w{} was written after reading w{})",
                        write.write_id, got);
  } else if (got_op && ctx.index.op(*got_op).invoke_ns > write.completion_ns) {
    const IndexedOp& later = ctx.index.op(*got_op);
    text += fmt::format(
        ": w{} was invoked at {} ns, after w{} was acknowledged, yet carries an earlier "
        "timestamp, so its coordinator's clock ran behind (skewed clocks)",
        got, later.invoke_ns, write.write_id);
  } else if (got_op) {
    text += fmt::format(": the writes were concurrent (w{} invoked at {} ns, before w{} was "
                        "acknowledged at {} ns) and last-writer-wins ranks w{} higher",
                        got, ctx.index.op(*got_op).invoke_ns, write.write_id,
                        write.completion_ns, write.write_id);
  }
  if (order.reaches(read.key, got, write.write_id)) {
    return text + fmt::format(
        "; a chain of merges may let w{} win over w{} (a version ranked above w{} replaced it "
        "and w{} won over that one, e.g. by superseding it): last-writer-wins is not "
        "transitive across causal overwrites; {}",
        got, write.write_id, write.write_id, got, quorums);
  }
  return text + "; the replies held neither it nor a version ranked above it: " + quorums;
}

Violation explain_stale(const CheckContext& ctx, const LwwOrder* order, const StaleRead& stale) {
  const IndexedOp& read = ctx.index.op(stale.read_op);
  const IndexedOp& write = ctx.index.op(stale.write_op);
  DT_ASSERT(read.f == OpFn::get && read.ok(), "a stale read must be an ok get");
  DT_ASSERT(write.ok() && write.key == read.key, "the missed write must be acked, same key");
  const Config& config = ctx.input.config;
  const std::vector<NodeId> acks = ctx.trace.replied(write.op_id);
  const std::vector<NodeId> replies = ctx.trace.replied(read.op_id);
  const std::vector<NodeId> both = intersect(acks, replies);
  Violation v;
  v.op_indices = {write.invoke_index, write.completion_index, read.invoke_index,
                  read.completion_index};
  v.keys = {read.key};
  v.writes = {write.write_id};
  v.times = {write.completion_ns, read.invoke_ns};
  std::string head = fmt::format(
      "get history[{}] on key {} (replies from {}) did not see write w{} acknowledged at {} ns "
      "by {} before the get was invoked at {} ns",
      read.invoke_index, read.key, nodes_text(replies), write.write_id, write.completion_ns,
      nodes_text(acks), read.invoke_ns);
  v.nodes = both;
  if (config.versioning == Versioning::lww) {
    DT_ASSERT(order != nullptr, "LWW stale reads are explained with the LWW order");
    v.kind = "stale_read_lww";
    v.explanation = head + "; expected under last-writer-wins: " +
                    explain_lww(ctx, *order, read, write, acks, replies, both);
    return v;
  }
  if (auto holder = holder_in(ctx, both, write, read)) {
    v.promised = true;
    v.kind = "stale_read";
    v.nodes = {*holder};
    v.explanation = head + fmt::format(
        "; node {} is in both quorums, stored w{} in its main store before the get and lost it "
        "to no wipe, yet the get's answer does not cover it",
        *holder, write.write_id);
    return v;
  }
  if (auto wipe = wiped_home(ctx, write, read)) {
    v.kind = "stale_read_wiped";
    v.nodes = {wipe->first};
    v.times.push_back(wipe->second);
    v.explanation = head + fmt::format("; expected: home replica {} was wiped at {} ns",
                                       wipe->first, wipe->second);
    return v;
  }
  if (config.read_quorum_r + config.write_quorum_w <= config.replicas_n) {
    v.kind = "stale_read_weak_quorums";
    v.explanation = head + fmt::format("; expected: R + W = {} is not more than N = {}, so "
                                       "read and write quorums need not intersect",
                                       config.read_quorum_r + config.write_quorum_w,
                                       config.replicas_n);
    return v;
  }
  std::vector<NodeId> all = acks;
  all.insert(all.end(), replies.begin(), replies.end());
  if (any_outside_home(ctx, read.key, all) && config.quorum_mode == QuorumMode::strict) {
    v.promised = true;
    v.kind = "stale_read_fallback";
    v.explanation = head + fmt::format(
        "; non-home nodes among {} and {} kept the quorums from meeting, but strict quorum "
        "mode allows no fallback (see strict_quorum_used_fallback)",
        nodes_text(acks), nodes_text(replies));
    return v;
  }
  if (any_outside_home(ctx, read.key, all)) {
    v.kind = "stale_read_fallback";
    v.explanation = head + fmt::format(
        "; expected: sloppy quorum fallbacks (non-home nodes among {} and {}) kept the quorums "
        "from meeting on a replica holding the write in its main store",
        nodes_text(acks), nodes_text(replies));
    return v;
  }
  v.promised = true;
  v.kind = "stale_read_disjoint_quorums";
  v.explanation = head + fmt::format(
      "; all acks and replies came from home replicas {} and R + W > N, so the quorums must "
      "meet on a replica holding the write; the trace shows none",
      nodes_text(ctx.placement.home_of_key(read.key)));
  return v;
}

// Strict mode: the non-home nodes each client request targeted as a fallback or
// counted as a reply, by op id (ordered, so the output is deterministic).
struct FallbackUse {
  Key key = 0;
  std::vector<NodeId> nodes;  // sorted, unique
  TimeNs first_ns = 0;
};

std::map<uint64_t, FallbackUse> strict_fallback_uses(const CheckContext& ctx) {
  std::map<uint64_t, FallbackUse> uses;
  for (const TraceRecord& r : ctx.input.trace.records) {
    const bool fallback_target = r.kind == TraceKind::target_chosen && r.count == 1;
    if (!fallback_target && r.kind != TraceKind::replica_replied) continue;
    if (r.peer >= ctx.input.config.nodes) continue;  // names no node: nothing to place
    const std::optional<size_t> op = ctx.index.op_of_op_id(r.op_id);
    const Key key = op ? ctx.index.op(*op).key : r.key;
    if (!fallback_target && ctx.placement.is_home(key, r.peer)) continue;
    FallbackUse& use = uses.try_emplace(r.op_id, FallbackUse{key, {}, r.time_ns}).first->second;
    use.first_ns = std::min(use.first_ns, r.time_ns);
    const auto at = std::lower_bound(use.nodes.begin(), use.nodes.end(), r.peer);
    if (at == use.nodes.end() || *at != r.peer) use.nodes.insert(at, r.peer);
  }
  DT_ASSERT(ctx.input.config.quorum_mode == QuorumMode::strict, "only strict mode forbids");
  DT_ASSERT(std::all_of(uses.begin(), uses.end(),
                        [](const auto& use) { return !use.second.nodes.empty(); }),
            "a fallback use without a node");
  return uses;
}

Violation strict_fallback_violation(const CheckContext& ctx, uint64_t op_id,
                                    const FallbackUse& use) {
  DT_ASSERT(!use.nodes.empty(), "a fallback use names its nodes");
  DT_ASSERT(ctx.input.config.quorum_mode == QuorumMode::strict, "only strict mode forbids");
  Violation v;
  v.promised = true;
  v.kind = "strict_quorum_used_fallback";
  v.keys = {use.key};
  v.nodes = use.nodes;
  v.times = {use.first_ns};
  std::string what = fmt::format("request op_id {}", op_id);
  if (const std::optional<size_t> number = ctx.index.op_of_op_id(op_id)) {
    const IndexedOp& op = ctx.index.op(*number);
    v.op_indices = {op.invoke_index};
    if (op.completed()) v.op_indices.push_back(op.completion_index);
    if (is_write(op.f)) v.writes = {op.write_id};
    what = fmt::format("{} history[{}] via coordinator {}", to_string(op.f), op.invoke_index,
                       op.coordinator);
  }
  v.explanation = fmt::format(
      "{} on key {} targeted or counted non-home nodes {} (home replicas {}) from {} ns; "
      "strict quorum mode allows only home replicas as targets and in W and R",
      what, use.key, nodes_text(use.nodes), nodes_text(ctx.placement.home_of_key(use.key)),
      use.first_ns);
  return v;
}

bool returns_descendant(const CheckContext& ctx, const Supersession& supersession,
                        const StaleRead& stale) {
  const IndexedOp& read = ctx.index.op(stale.read_op);
  DT_ASSERT(read.ok() && read.f == OpFn::get, "a stale read must be an ok get");
  const WriteId missed = ctx.index.op(stale.write_op).write_id;
  DT_ASSERT(supersession.descends(missed, missed), "a write descends from itself");
  const Siblings& returned = ctx.index.completion_of(read).read;
  return std::any_of(returned.begin(), returned.end(),
                     [&](const Version& v) { return supersession.descends(v.write_id, missed); });
}

// True when some returned version wins a merge with the write (ranks above it).
bool returns_lww_winner(const CheckContext& ctx, const LwwOrder& order, const StaleRead& stale) {
  const IndexedOp& read = ctx.index.op(stale.read_op);
  DT_ASSERT(read.ok() && read.f == OpFn::get, "a stale read must be an ok get");
  const WriteId missed = ctx.index.op(stale.write_op).write_id;
  const Siblings& returned = ctx.index.completion_of(read).read;
  return std::any_of(returned.begin(), returned.end(), [&](const Version& v) {
    return v.write_id != missed && order.beats(v.write_id, missed) == true;
  });
}

}  // namespace

PropertyVerdict check_quorum_overlap(const CheckContext& ctx) {
  const HistoryIndex& index = ctx.index;
  std::unordered_map<Key, std::vector<AckedByActor>> acked_by_key;
  // Snapshots of the acked frontier at each get's invoke, in one arena.
  std::vector<AckedByActor> arena;
  std::unordered_map<size_t, std::pair<size_t, size_t>> snapshot_of_read;  // offset, length
  std::vector<StaleRead> stale;
  size_t reads_checked = 0;
  for (const HistoryOp& op : index.history()) {
    const size_t number = index.op_number_of_index(op.index);
    const IndexedOp& indexed = index.op(number);
    if (op.type == OpType::ok && is_write(op.f)) {
      const WriteFact* fact = ctx.writes.find(op.write_id);
      if (fact == nullptr || !fact->dot) continue;  // never stored: durability reports it
      std::vector<AckedByActor>& acked = acked_by_key[op.key];
      auto it = std::find_if(acked.begin(), acked.end(),
                             [&](const AckedByActor& a) { return a.actor == fact->dot->actor; });
      if (it == acked.end()) {
        acked.push_back({fact->dot->actor, fact->dot->counter, number});
      } else if (it->counter < fact->dot->counter) {
        *it = {fact->dot->actor, fact->dot->counter, number};
      }
    } else if (op.type == OpType::invoke && op.f == OpFn::get) {
      const auto found = acked_by_key.find(op.key);
      if (found == acked_by_key.end()) continue;
      snapshot_of_read[number] = {arena.size(), found->second.size()};
      arena.insert(arena.end(), found->second.begin(), found->second.end());
    } else if (op.type == OpType::ok && op.f == OpFn::get) {
      ++reads_checked;
      const auto snapshot = snapshot_of_read.find(number);
      if (snapshot == snapshot_of_read.end()) continue;
      // Only the siblings count: a context that claims more than they hold hides a loss.
      for (size_t i = 0; i < snapshot->second.second; ++i) {
        const AckedByActor& acked = arena[snapshot->second.first + i];
        if (!siblings_cover(op.read, Dot{acked.actor, acked.counter})) {
          stale.push_back({number, acked.write_op});
        }
      }
      snapshot_of_read.erase(snapshot);
    }
    DT_ASSERT(indexed.invoke_index <= op.index, "op seen before its invoke");
  }
  PropertyVerdict verdict;
  verdict.property = kQuorumOverlap;
  verdict.checked = true;
  verdict.promised = quorum_overlap_promised(ctx.input.config);
  // A returned version may descend from the write through a chain (contexts are not
  // causally closed); only candidates pay for the transitive check.
  if (!stale.empty()) {
    const Supersession supersession(ctx.index, ctx.writes);
    std::erase_if(stale, [&](const StaleRead& s) {
      return returns_descendant(ctx, supersession, s);
    });
  }
  // Under LWW a get is stale only when it returns a version the merge rule ranks
  // below the acknowledged write (or none): a write ranked below what the get returned
  // was not missed, it lost. A wrong winner is integrity's to report, not excused here.
  std::optional<LwwOrder> order;
  if (ctx.input.config.versioning == Versioning::lww && !stale.empty()) {
    order.emplace(ctx);
    std::erase_if(stale, [&](const StaleRead& s) { return returns_lww_winner(ctx, *order, s); });
  }
  verdict.violations.reserve(stale.size());  // LWW runs may have about one per get
  for (const StaleRead& s : stale) {
    verdict.violations.push_back(explain_stale(ctx, order ? &*order : nullptr, s));
  }
  DT_ASSERT(verdict.violations.size() == stale.size(), "one violation per stale read");
  size_t fallback_requests = 0;
  if (ctx.input.config.quorum_mode == QuorumMode::strict) {
    for (const auto& [op_id, use] : strict_fallback_uses(ctx)) {
      verdict.violations.push_back(strict_fallback_violation(ctx, op_id, use));
      ++fallback_requests;
    }
  }
  verdict.summary = fmt::format(
      "{} ok gets checked, {} stale reads, {} strict requests using fallbacks ({} unexplained)",
      reads_checked, stale.size(), fallback_requests, verdict.promised_violation_count());
  return verdict;
}

PropertyVerdict check_quorum_overlap(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kQuorumOverlap, ctx.error());
  return check_quorum_overlap(ctx.value());
}

}  // namespace dt
