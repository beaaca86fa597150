#include "checks/availability.h"

#include <algorithm>

#include <fmt/format.h>

#include "checks/reachability.h"
#include "checks/target_walk.h"
#include "core/assert.h"
#include "core/ring.h"
#include "core/suspicion_timing.h"

namespace dt {

namespace {

struct WindowFacts {
  std::vector<NodeId> stable;  // nodes reachable (and up) in every segment of the window
  std::vector<Answers> answers;  // by node: always = stable, maybe = reachable in some segment
  bool link_faults = false;      // some segment had lossy or slowed links
};

// Crash and wipe times by node, sorted. Kept apart from the segments because a
// crash and restart stamped with the same time leave no down segment behind,
// yet the crash still lost whatever the node had pending.
using CrashTimes = std::vector<std::vector<TimeNs>>;

CrashTimes crash_times_of(const Config& config, const ReplicaTrace& trace) {
  CrashTimes times(config.nodes);
  for (const TraceRecord& r : trace.records) {
    if (r.node >= config.nodes) continue;
    if (r.kind == TraceKind::crashed || r.kind == TraceKind::wiped) {
      times[r.node].push_back(r.time_ns);
    }
  }
  for (std::vector<TimeNs>& node_times : times) std::sort(node_times.begin(), node_times.end());
  DT_ASSERT(times.size() == config.nodes, "one crash list per node");
  return times;
}

bool crashed_within(const CrashTimes& crashes, NodeId node, TimeNs from_ns, TimeNs to_ns) {
  DT_ASSERT(node < crashes.size(), "node out of range");
  DT_ASSERT(from_ns <= to_ns, "window ends before it starts");
  const std::vector<TimeNs>& times = crashes[node];
  const auto first = std::lower_bound(times.begin(), times.end(), from_ns);
  return first != times.end() && *first <= to_ns;
}

// The nodes the coordinator could reach directly in every segment of the
// window, itself included. The same nodes must stay reachable: a quorum that
// moves from one set of nodes to another mid-request obliges no coordinator.
// A crash anywhere in the window, even one restarted at the same instant, drops
// the node; a crash of the coordinator lost the pending request, so it drops all.
// Nodes reachable in some segments only may or may not have answered.
WindowFacts window_facts(const CheckContext& ctx, const ReachabilityTimeline& timeline,
                         const CrashTimes& crashes, const IndexedOp& write, TimeNs from_ns) {
  DT_ASSERT(write.completed(), "judging an open op");
  DT_ASSERT(write.coordinator < ctx.input.config.nodes, "coordinator out of range");
  const uint32_t nodes = ctx.input.config.nodes;
  WindowFacts facts;
  std::vector<bool> ever(nodes, false), always(nodes, true);
  const auto [first, last] = timeline.overlapping(from_ns, write.completion_ns);
  for (size_t s = first; s < last; ++s) {
    const NetworkSegment& segment = timeline.segments()[s];
    for (NodeId n = 0; n < nodes; ++n) {
      const bool connected = ReachabilityTimeline::connected(segment, write.coordinator, n);
      ever[n] = ever[n] || connected;
      always[n] = always[n] && connected;
    }
    facts.link_faults |= segment.link_faults;
  }
  const bool coordinator_crashed =
      crashed_within(crashes, write.coordinator, from_ns, write.completion_ns);
  facts.answers.assign(nodes, Answers::never);
  for (NodeId n = 0; n < nodes && !coordinator_crashed; ++n) {
    if (always[n] && !crashed_within(crashes, n, from_ns, write.completion_ns)) {
      facts.answers[n] = Answers::always;
      facts.stable.push_back(n);
    } else if (ever[n]) {
      facts.answers[n] = Answers::maybe;
    }
  }
  return facts;
}

// The phases an op runs through the coordinator, each with the answers it
// needs: a delete and an add read first (for the context), then write.
std::vector<size_t> phases_of(const Config& config, OpFn f) {
  switch (f) {
    case OpFn::get:
      return {config.read_quorum_r};
    case OpFn::put:
      return {config.write_quorum_w};
    case OpFn::del:
    case OpFn::add:
      return {config.read_quorum_r, config.write_quorum_w};
  }
  DT_ASSERT(false, "unknown op");
  return {};
}

// The worst-case time the op needs (client hops included) whatever the nodes
// outside the stable set did, or nullopt when the coordinator's walk might
// not succeed.
std::optional<TimeNs> worst_case_op_ns(const Config& config, const std::vector<NodeId>& extended,
                                       const WindowFacts& facts, OpFn f) {
  TimeNs total_ns = 0;
  for (size_t needed : phases_of(config, f)) {
    const std::optional<TimeNs> phase_ns =
        worst_case_walk_ns(config, extended, facts.answers, needed);
    if (!phase_ns) return std::nullopt;
    total_ns += *phase_ns + 2 * config.network_delay_max_ns;  // client -> coordinator -> client
  }
  return total_ns;
}

// A client that gave up before the walk could finish was entitled to: the
// client timeout is not in the config, so the driver's own word says so.
bool client_gave_up_early(const CheckContext& ctx, const IndexedOp& op, TimeNs needed_ns) {
  const std::string& error = ctx.input.history[op.completion_index].error;
  return error.rfind("client timeout", 0) == 0 && op.completion_ns < op.invoke_ns + needed_ns;
}

// How long before the invoke a node must be reachable for the coordinator
// not to suspect it at the invoke. A timeout of a probe or a request sent to
// it just before it became reachable can still fire max(probe timeout,
// replica timeout) later and raise a suspicion; the suspicion lasts until
// the node's reply to the next probe round (suspected nodes are always
// probed). A large clean run showed the replica timeout's part: a request
// sent during a partition timed out 74 ms after the heal, and the next
// probe round came 164 ms later, past the old window of probe interval +
// probe timeout.
TimeNs suspicion_clear_ns(const Config& config) {
  return std::max(config.probe_timeout_ns, config.replica_timeout_ns) +
         config.probe_interval_ns + 2 * config.network_delay_max_ns;
}

// Why these timings let a reachable node be suspected, which the walk
// assumes cannot happen (core/suspicion_timing.h); nullopt when they do not.
std::optional<std::string> suspicion_risk(const Config& config) {
  if (std::optional<std::string> risk = replica_timeout_risk(config)) return risk;
  return probe_suspicion_risk(config);
}

Violation unavailable(const CheckContext& ctx, const IndexedOp& op, TimeNs from_ns,
                      TimeNs needed_ns, const WindowFacts& facts,
                      const std::optional<std::string>& timing_risk) {
  DT_ASSERT(!op.ok() && op.completed(), "only failed or indeterminate ops");
  const Config& config = ctx.input.config;
  const bool strict = config.quorum_mode == QuorumMode::strict;
  std::vector<NodeId> useful = facts.stable;
  if (strict) {
    std::erase_if(useful, [&](NodeId n) { return !ctx.placement.is_home(op.key, n); });
  }
  const std::string head = fmt::format(
      "{} history[{}] on key {} via coordinator {} ended {} at {} ns although the coordinator "
      "could reach the same {} up {}nodes {{{}}} directly throughout [{} ns, {} ns] (needed {} "
      "{}); its target walk would have finished within {} ns of the invoke",
      to_string(op.f), op.invoke_index, op.key, op.coordinator, to_string(op.outcome),
      op.completion_ns, useful.size(), strict ? "home " : "", fmt::join(useful, ","), from_ns,
      op.completion_ns, op.f == OpFn::get ? config.read_quorum_r : config.write_quorum_w,
      op.f == OpFn::get ? "replies" : "acks", needed_ns);
  Violation v;
  v.op_indices = {op.invoke_index, op.completion_index};
  v.keys = {op.key};
  v.nodes = {op.coordinator};
  if (is_write(op.f)) v.writes = {op.write_id};
  v.times = {from_ns, op.completion_ns};
  const std::string what = op.f == OpFn::get ? "read" : "write";
  if (facts.link_faults) {
    v.kind = "timeout_under_link_faults";
    v.explanation = head + "; expected: lossy or slowed links were active in the window, so "
                           "messages may have been dropped or late";
  } else if (timing_risk) {
    v.kind = "timeout_under_suspicion_timing";
    v.explanation = head + "; expected: under these timings a reachable node can be suspected (" +
                    *timing_risk + "), and the coordinator skips suspected nodes";
  } else {
    v.promised = true;
    v.kind = "unavailable_" + what;
    v.explanation = head + "; no fault in the trace explains the failure";
  }
  return v;
}

}  // namespace

PropertyVerdict check_availability(const CheckContext& ctx) {
  const Config& config = ctx.input.config;
  PropertyVerdict verdict;
  verdict.property = kAvailability;
  verdict.promised = true;
  Result<ReachabilityTimeline> timeline = ReachabilityTimeline::build(config, ctx.input.trace);
  if (!timeline.is_ok()) {
    verdict.summary = "not checked: " + timeline.error();
    return verdict;
  }
  verdict.checked = true;
  const TimeNs suspicion_ns = suspicion_clear_ns(config);
  const std::optional<std::string> timing_risk = suspicion_risk(config);
  const CrashTimes crashes = crash_times_of(config, ctx.input.trace);
  const std::vector<NodeId> owners = partition_owners(config);
  size_t judged = 0;
  size_t obliged = 0;
  for (const IndexedOp& op : ctx.index.ops()) {
    if (!op.completed() || op.ok()) continue;
    if (op.coordinator >= config.nodes) continue;  // the client never reached a coordinator
    ++judged;
    const TimeNs from_ns = op.invoke_ns > suspicion_ns ? op.invoke_ns - suspicion_ns : 0;
    const WindowFacts facts = window_facts(ctx, timeline.value(), crashes, op, from_ns);
    const std::vector<NodeId> extended =
        ring_walk(owners, ctx.placement.partition(op.key), config.nodes);
    const std::optional<TimeNs> needed_ns = worst_case_op_ns(config, extended, facts, op.f);
    if (!needed_ns || client_gave_up_early(ctx, op, *needed_ns)) continue;
    ++obliged;
    verdict.violations.push_back(unavailable(ctx, op, from_ns, *needed_ns, facts, timing_risk));
  }
  verdict.summary = fmt::format("{} failed or indeterminate ops judged over {} network "
                                "segments, {} could have finished ({} unexplained)",
                                judged, timeline.value().segments().size(), obliged,
                                verdict.promised_violation_count());
  DT_ASSERT(verdict.violations.size() <= judged, "more violations than judged writes");
  return verdict;
}

PropertyVerdict check_availability(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kAvailability, ctx.error());
  return check_availability(ctx.value());
}

}  // namespace dt
