#include "checks/causality.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "checks/dependency_graph.h"
#include "core/assert.h"

namespace dt {

namespace {

Violation reply_violation(const IndexedOp& read, const char* kind, std::vector<WriteId> writes,
                          std::string explanation) {
  return Violation{true, kind, {read.invoke_index, read.completion_index}, {read.key},
                   {read.coordinator}, std::move(writes), {read.completion_ns},
                   std::move(explanation)};
}

// True when some two siblings share a dot or one's context covers the other's
// dot, found in O(S * actors) rather than by comparing all S^2 pairs: a key with
// many siblings would make every reply quadratic.
bool any_ordered_pair(const Siblings& siblings) {
  std::vector<Dot> dots;
  dots.reserve(siblings.size());
  for (const Version& v : siblings) dots.push_back(v.dot);
  std::sort(dots.begin(), dots.end());
  if (std::adjacent_find(dots.begin(), dots.end()) != dots.end()) return true;
  std::vector<ActorId> actors;
  for (const Dot& dot : dots) {
    if (actors.empty() || actors.back() != dot.actor) actors.push_back(dot.actor);
  }
  for (ActorId actor : actors) {
    // The two highest counters any sibling's context has for the actor, and who has the top.
    uint64_t top = 0;
    uint64_t second = 0;
    size_t top_holder = siblings.size();
    for (size_t i = 0; i < siblings.size(); ++i) {
      const uint64_t covered = siblings[i].context.get(actor);
      if (covered > top) second = top, top = covered, top_holder = i;
      else if (covered > second) second = covered;
    }
    for (size_t j = 0; j < siblings.size(); ++j) {
      if (siblings[j].dot.actor != actor) continue;
      const uint64_t by_others = j == top_holder ? second : top;
      if (by_others >= siblings[j].dot.counter) return true;
    }
  }
  DT_ASSERT(dots.size() == siblings.size(), "one dot per sibling");
  return false;
}

void check_siblings_concurrent(const IndexedOp& read, const Siblings& siblings,
                               PropertyVerdict& verdict) {
  DT_ASSERT(read.ok(), "only ok replies carry siblings");
  DT_ASSERT(read.f == OpFn::get || read.f == OpFn::add, "only gets and adds read");
  if (!any_ordered_pair(siblings)) return;  // the pairwise pass below names the pairs
  for (size_t i = 0; i < siblings.size(); ++i) {
    for (size_t j = i + 1; j < siblings.size(); ++j) {
      const Version& a = siblings[i];
      const Version& b = siblings[j];
      const Order order = compare(a, b);
      if (order == Order::concurrent) continue;
      if (order == Order::equal) {
        verdict.violations.push_back(reply_violation(
            read, "duplicate_dot", {a.write_id, b.write_id},
            fmt::format("history[{}] on key {} returned two siblings with the same dot: {} and {}",
                        read.completion_index, read.key, a.to_string(), b.to_string())));
        continue;
      }
      const Version& newer = order == Order::after ? a : b;
      const Version& older = order == Order::after ? b : a;
      verdict.violations.push_back(reply_violation(
          read, "sibling_supersedes", {newer.write_id, older.write_id},
          fmt::format("history[{}] on key {} returned sibling {} together with {}, which it "
                      "supersedes (its context covers the other's dot); siblings must be "
                      "concurrent",
                      read.completion_index, read.key, newer.to_string(), older.to_string())));
    }
  }
}

void check_origin(const CheckContext& ctx, const IndexedOp& read, const Version& version,
                  PropertyVerdict& verdict) {
  const auto writer = ctx.index.op_of_write(version.write_id);
  if (!writer || ctx.index.op(*writer).key != read.key) {
    verdict.violations.push_back(reply_violation(
        read, "unknown_write", {version.write_id},
        fmt::format("history[{}] on key {} returned {}, but no write on that key with id w{} was "
                    "ever invoked",
                    read.completion_index, read.key, version.to_string(), version.write_id)));
    return;
  }
  const IndexedOp& write = ctx.index.op(*writer);
  DT_ASSERT(is_write(write.f), "a write id indexed for a non-write op");
  DT_ASSERT(read.completed(), "judging the origin of an open read");
  if (write.invoke_index > read.completion_index) {
    Violation v = reply_violation(
        read, "read_from_future", {version.write_id},
        fmt::format("history[{}] on key {} returned w{}, whose write was invoked later at "
                    "history[{}] ({} ns, after the read completed at {} ns)",
                    read.completion_index, read.key, version.write_id, write.invoke_index,
                    write.invoke_ns, read.completion_ns));
    v.op_indices.push_back(write.invoke_index);
    verdict.violations.push_back(std::move(v));
  }
}

void check_cycles(const CheckContext& ctx, PropertyVerdict& verdict) {
  const std::vector<DependencyEdge> edges = dependency_edges(ctx.index, ctx.writes);
  const std::vector<uint32_t> cycle = find_dependency_cycle(ctx.index.ops().size(), edges);
  if (cycle.empty()) return;
  DT_ASSERT(cycle.size() <= ctx.index.ops().size(), "a cycle longer than the history");
  DT_ASSERT(edges.size() >= cycle.size(), "a cycle needs as many edges as ops");
  Violation v;
  v.promised = true;
  v.kind = "dependency_cycle";
  std::string path;
  for (uint32_t number : cycle) {
    const IndexedOp& op = ctx.index.op(number);
    v.op_indices.push_back(op.invoke_index);
    if (is_write(op.f)) v.writes.push_back(op.write_id);
    if (v.keys.empty() || v.keys.back() != op.key) v.keys.push_back(op.key);
    path += fmt::format("{} history[{}]{} -> ", to_string(op.f), op.invoke_index,
                        is_write(op.f) ? fmt::format(" (w{})", op.write_id) : std::string());
  }
  path += fmt::format("history[{}]", ctx.index.op(cycle.front()).invoke_index);
  v.explanation = "the dependency graph (write -> read that returned it, read -> the "
                  "process's next write built on it, write -> write that supersedes it) has a "
                  "cycle: " + path;
  verdict.violations.push_back(std::move(v));
}

// One place a (dot, write id) pair was seen: a trace record, a read reply (at
// its completion's history index) or a final state. Text only on a violation.
struct DotSighting {
  enum class Source { trace, reply, final_state };
  WriteId write_id = 0;
  Key key = 0;
  NodeId node = kNoNode;
  Source source = Source::trace;
  uint64_t position = 0;

  std::string where() const {
    switch (source) {
      case Source::trace: return fmt::format("trace.records[{}]", position);
      case Source::reply: return fmt::format("history[{}]", position);
      case Source::final_state: break;
    }
    return "final state";
  }
};

// Every dot must name one write: a wiped node that reused its actor id (Riak
// kv679) hands out dots that older writes already carry. Scans the trace, the
// read replies and the final states; one violation per colliding pair of writes.
void check_dot_uniqueness(const CheckContext& ctx, PropertyVerdict& verdict) {
  std::map<Dot, DotSighting> first_of_dot;
  // Unordered pairs; those a single reply already showed are not reported twice.
  std::set<std::pair<WriteId, WriteId>> reported;
  auto pair_of = [](WriteId a, WriteId b) {
    return std::make_pair(std::min(a, b), std::max(a, b));
  };
  for (const Violation& v : verdict.violations) {
    if (v.kind == "duplicate_dot" && v.writes.size() == 2) {
      reported.insert(pair_of(v.writes[0], v.writes[1]));
    }
  }
  const size_t reported_by_replies = reported.size();
  // Per write id (dense ones only), a dot already known to name that write: a
  // first sighting never changes, so repeats (the same sibling in every reply)
  // skip the ordered map.
  std::vector<Dot> confirmed(std::min<size_t>(4 * ctx.index.ops().size() + 1024, 1u << 26));
  auto see = [&](const Dot& dot, DotSighting sighting) {
    if (sighting.write_id == 0 || dot.counter == 0) return;
    const bool cached = sighting.write_id < confirmed.size();
    if (cached && confirmed[sighting.write_id] == dot) return;
    const auto [it, fresh] = first_of_dot.try_emplace(dot, sighting);
    if (fresh || it->second.write_id == sighting.write_id) {
      if (cached) confirmed[sighting.write_id] = dot;
      return;
    }
    const DotSighting& first = it->second;
    if (!reported.insert(pair_of(first.write_id, sighting.write_id)).second) return;
    Violation v;
    v.promised = true;
    v.kind = "duplicate_dot";
    v.keys = {first.key};
    if (sighting.key != first.key) v.keys.push_back(sighting.key);
    v.nodes = {first.node, sighting.node};
    v.writes = {first.write_id, sighting.write_id};
    for (WriteId w : v.writes) {
      if (const auto op = ctx.index.op_of_write(w)) {
        v.op_indices.push_back(ctx.index.op(*op).invoke_index);
      }
    }
    v.explanation = fmt::format(
        "writes w{} ({}, node {}) and w{} ({}, node {}) carry the same dot {}:{}; a dot names "
        "one write, so a store that meets both keeps only one of them",
        first.write_id, first.where(), first.node, sighting.write_id, sighting.where(),
        sighting.node, dot.actor, dot.counter);
    verdict.violations.push_back(std::move(v));
  };
  const std::vector<TraceRecord>& records = ctx.input.trace.records;
  using Source = DotSighting::Source;
  for (size_t i = 0; i < records.size(); ++i) {
    const TraceRecord& r = records[i];
    see(r.dot, {r.write_id, r.key, r.node, Source::trace, i});
  }
  for (const IndexedOp& op : ctx.index.ops()) {
    if (!op.ok() || (op.f != OpFn::get && op.f != OpFn::add)) continue;
    for (const Version& version : ctx.index.completion_of(op).read) {
      see(version.dot,
          {version.write_id, op.key, op.coordinator, Source::reply, op.completion_index});
    }
  }
  for (const NodeState& state : ctx.input.trace.final_states) {
    for (const auto& [key, siblings] : state.store) {
      for (const Version& version : siblings) {
        see(version.dot, {version.write_id, key, state.node, Source::final_state, 0});
      }
    }
  }
  DT_ASSERT(reported.size() >= reported_by_replies, "reported pairs forgotten");
  DT_ASSERT(verdict.checked, "dots checked for an unchecked verdict");
}

}  // namespace

PropertyVerdict check_causality(const CheckContext& ctx) {
  PropertyVerdict verdict;
  verdict.property = kCausality;
  verdict.checked = true;
  verdict.promised = true;
  size_t replies = 0;
  for (const IndexedOp& op : ctx.index.ops()) {
    if (!op.ok() || (op.f != OpFn::get && op.f != OpFn::add)) continue;
    const Siblings& siblings = ctx.index.completion_of(op).read;
    ++replies;
    check_siblings_concurrent(op, siblings, verdict);
    for (const Version& version : siblings) check_origin(ctx, op, version, verdict);
  }
  check_cycles(ctx, verdict);
  check_dot_uniqueness(ctx, verdict);
  verdict.summary = fmt::format("{} replies checked for concurrent siblings and origins; "
                                "dots unique per write; dependency graph over {} ops",
                                replies, ctx.index.ops().size());
  DT_ASSERT(verdict.promised, "causality is always promised");
  return verdict;
}

PropertyVerdict check_causality(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kCausality, ctx.error());
  return check_causality(ctx.value());
}

}  // namespace dt
