#include "checks/availability.h"

#include <algorithm>

#include <fmt/format.h>

#include "checks/reachability.h"
#include "core/assert.h"

namespace dt {

namespace {

struct WindowFacts {
  std::vector<NodeId> stable;  // nodes reachable (and up) in every segment of the window
  bool link_faults = false;    // some segment had lossy or slowed links
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

// The candidates (home replicas in strict mode, every node in sloppy mode) the
// coordinator could reach in every segment of the window, itself included. The
// same nodes must stay reachable: a quorum that moves from one set of nodes to
// another mid-request does not oblige a strict coordinator, which never retargets.
// A crash anywhere in the window, even one restarted at the same instant, drops
// the node; a crash of the coordinator lost the pending request, so it drops all.
WindowFacts window_facts(const CheckContext& ctx, const ReachabilityTimeline& timeline,
                         const CrashTimes& crashes, const IndexedOp& write, TimeNs from_ns) {
  DT_ASSERT(write.completed(), "judging an open op");
  DT_ASSERT(write.coordinator < ctx.input.config.nodes, "coordinator out of range");
  WindowFacts facts;
  if (ctx.input.config.quorum_mode == QuorumMode::strict) {
    facts.stable = ctx.placement.home_of_key(write.key);
  } else {
    for (NodeId n = 0; n < ctx.input.config.nodes; ++n) facts.stable.push_back(n);
  }
  const auto [first, last] = timeline.overlapping(from_ns, write.completion_ns);
  for (size_t s = first; s < last; ++s) {
    const NetworkSegment& segment = timeline.segments()[s];
    std::erase_if(facts.stable, [&](NodeId n) {
      return !ReachabilityTimeline::connected(segment, write.coordinator, n);
    });
    facts.link_faults |= segment.link_faults;
  }
  if (crashed_within(crashes, write.coordinator, from_ns, write.completion_ns)) {
    facts.stable.clear();
  }
  std::erase_if(facts.stable, [&](NodeId n) {
    return crashed_within(crashes, n, from_ns, write.completion_ns);
  });
  return facts;
}

Violation unavailable(const CheckContext& ctx, const IndexedOp& write, TimeNs from_ns,
                      size_t needed, const WindowFacts& facts) {
  DT_ASSERT(!write.ok() && write.completed(), "only failed or indeterminate writes");
  DT_ASSERT(facts.stable.size() >= needed && needed > 0, "only writes with a reachable quorum");
  const bool strict = ctx.input.config.quorum_mode == QuorumMode::strict;
  const std::string head = fmt::format(
      "{} history[{}] on key {} via coordinator {} ended {} at {} ns although the coordinator "
      "could reach the same {} up {}nodes {{{}}} (needed {}) throughout [{} ns, {} ns]",
      to_string(write.f), write.invoke_index, write.key, write.coordinator,
      to_string(write.outcome), write.completion_ns, facts.stable.size(),
      strict ? "home " : "", fmt::join(facts.stable, ","), needed, from_ns, write.completion_ns);
  Violation v;
  v.op_indices = {write.invoke_index, write.completion_index};
  v.keys = {write.key};
  v.nodes = {write.coordinator};
  v.writes = {write.write_id};
  v.times = {from_ns, write.completion_ns};
  if (facts.link_faults) {
    v.kind = "timeout_under_link_faults";
    v.explanation = head + "; expected: lossy or slowed links were active in the window, so "
                           "acks may have been dropped or late";
  } else {
    v.promised = true;
    v.kind = "unavailable_write";
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
  const TimeNs detection_ns = config.probe_interval_ns + config.probe_timeout_ns;
  const CrashTimes crashes = crash_times_of(config, ctx.input.trace);
  size_t judged = 0;
  for (const IndexedOp& op : ctx.index.ops()) {
    if (!is_write(op.f) || !op.completed() || op.ok()) continue;
    if (op.coordinator >= config.nodes) continue;  // the client never reached a coordinator
    ++judged;
    // A delete and an add read first (for the context), so they need R replies too.
    const size_t needed =
        op.f == OpFn::put ? config.write_quorum_w
                          : std::max(config.read_quorum_r, config.write_quorum_w);
    const TimeNs from_ns = op.invoke_ns > detection_ns ? op.invoke_ns - detection_ns : 0;
    const WindowFacts facts = window_facts(ctx, timeline.value(), crashes, op, from_ns);
    if (facts.stable.size() < needed) continue;
    verdict.violations.push_back(unavailable(ctx, op, from_ns, needed, facts));
  }
  verdict.summary = fmt::format("{} failed or indeterminate writes judged over {} network "
                                "segments, {} had a reachable quorum ({} unexplained)",
                                judged, timeline.value().segments().size(),
                                verdict.violations.size(), verdict.promised_violation_count());
  DT_ASSERT(verdict.violations.size() <= judged, "more violations than judged writes");
  return verdict;
}

PropertyVerdict check_availability(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kAvailability, ctx.error());
  return check_availability(ctx.value());
}

}  // namespace dt
