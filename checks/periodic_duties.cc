#include "checks/periodic_duties.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/assert.h"

namespace dt {

namespace {

// What one node's own records say about it at the current trace position.
struct NodeView {
  bool running = true;         // booted at 0; down after crash/wipe, stopped while paused
  std::vector<bool> suspected;  // [p]: it believes p down (a crash forgets all)
  std::vector<int64_t> hints;  // by intended node: hint versions held
};

enum class DutyKind { handoff, exchange_any, exchange_pair };

// One periodic duty: while `holds`, an action must come at least every `period_ns`.
struct Duty {
  DutyKind kind = DutyKind::handoff;
  NodeId node = kNoNode;
  NodeId peer = kNoNode;    // intended node (handoff) or exchange peer
  uint32_t partition = 0;   // exchange_pair only
  std::vector<NodeId> peers;  // exchange_any: every exchange peer of the node
  TimeNs period_ns = 0;
  bool holds = false;
  TimeNs anchor_ns = 0;  // when it began to hold, or its last action
};

bool suspects(const NodeView& view, NodeId peer) {
  return view.suspected[peer];
}

bool duty_holds(const Duty& duty, const NodeView& view) {
  if (!view.running) return false;
  switch (duty.kind) {
    case DutyKind::handoff:
      return !suspects(view, duty.peer) && view.hints[duty.peer] > 0;
    case DutyKind::exchange_any:
      return std::none_of(duty.peers.begin(), duty.peers.end(),
                          [&](NodeId peer) { return suspects(view, peer); });
    case DutyKind::exchange_pair:
      return !suspects(view, duty.peer);
  }
  return false;
}

std::vector<Duty> make_duties(const CheckContext& ctx) {
  const Config& config = ctx.input.config;
  std::vector<Duty> duties;
  for (NodeId node = 0; node < config.nodes; ++node) {
    for (NodeId intended = 0; intended < config.nodes; ++intended) {
      if (intended == node) continue;
      duties.push_back({DutyKind::handoff, node, intended, 0, {}, config.handoff_interval_ns});
    }
    std::vector<std::pair<uint32_t, NodeId>> pairs;  // the node's anti-entropy rotation
    for (uint32_t p = 0; p < ctx.placement.partitions(); ++p) {
      const std::vector<NodeId>& home = ctx.placement.home_of_partition(p);
      if (std::find(home.begin(), home.end(), node) == home.end()) continue;
      for (NodeId peer : home) {
        if (peer != node) pairs.emplace_back(p, peer);
      }
    }
    if (pairs.empty()) continue;
    Duty any{DutyKind::exchange_any, node, kNoNode, 0, {}, config.anti_entropy_interval_ns};
    for (const auto& [partition, peer] : pairs) {
      any.peers.push_back(peer);
      duties.push_back({DutyKind::exchange_pair, node, peer, partition, {},
                        config.anti_entropy_interval_ns * pairs.size()});
    }
    duties.push_back(any);
  }
  return duties;
}

Violation missed(const Duty& duty, TimeNs until_ns) {
  const TimeNs gap_ns = until_ns - duty.anchor_ns;
  if (duty.kind == DutyKind::handoff) {
    return Violation{
        true,
        "handoff_missing",
        {},
        {},
        {duty.node, duty.peer},
        {},
        {duty.anchor_ns, until_ns},
        fmt::format("node {} was running, held hints for node {} and did not suspect it from "
                    "{} ns to {} ns ({} ns, handoff interval {} ns), yet offered it none: every "
                    "handoff round must offer the hints of an intended node believed up",
                    duty.node, duty.peer, duty.anchor_ns, until_ns, gap_ns, duty.period_ns)};
  }
  const std::string what =
      duty.kind == DutyKind::exchange_any
          ? fmt::format("suspected none of its exchange peers")
          : fmt::format(
                "did not suspect node {} (its pair for partition {} comes up every "
                "{} ns in the round rotation)",
                duty.peer, duty.partition, duty.period_ns);
  const std::string started =
      duty.kind == DutyKind::exchange_any
          ? std::string("started no Merkle exchange")
          : fmt::format("started no exchange of partition {} with it", duty.partition);
  std::vector<NodeId> nodes{duty.node};
  if (duty.peer != kNoNode) nodes.push_back(duty.peer);
  return Violation{
      true,
      "anti_entropy_missing",
      {},
      {},
      nodes,
      {},
      {duty.anchor_ns, until_ns},
      fmt::format("node {} was running and {} from {} ns to {} ns ({} ns), yet {}: each "
                  "anti-entropy round exchanges with the next home peer it believes up",
                  duty.node, what, duty.anchor_ns, until_ns, gap_ns, started)};
}

// Re-evaluate a duty after its node's view changed at `now_ns`.
void update(Duty& duty, const NodeView& view, TimeNs now_ns, PropertyVerdict& verdict,
            size_t& judged) {
  const bool holds = duty_holds(duty, view);
  if (holds == duty.holds) return;
  if (duty.holds) {
    ++judged;
    if (now_ns - duty.anchor_ns > duty.period_ns)
      verdict.violations.push_back(missed(duty, now_ns));
  }
  duty.holds = holds;
  duty.anchor_ns = now_ns;
}

bool is_action(const Duty& duty, const TraceRecord& r) {
  if (r.node != duty.node) return false;
  switch (duty.kind) {
    case DutyKind::handoff:
      return r.kind == TraceKind::handoff_offered && r.peer == duty.peer;
    case DutyKind::exchange_any:
      return r.kind == TraceKind::merkle_exchange_started;
    case DutyKind::exchange_pair:
      return r.kind == TraceKind::merkle_exchange_started && r.peer == duty.peer &&
             r.partition == duty.partition;
  }
  return false;
}

// An offer carries every hint held for the intended node at that moment.
void check_offer(const TraceRecord& r, const NodeView& view, PropertyVerdict& verdict) {
  const int64_t held = view.hints[r.peer];
  if (held >= 0 && r.count == static_cast<uint64_t>(held)) return;
  verdict.violations.push_back(Violation{
      true,
      "handoff_incomplete",
      {},
      {},
      {r.node, r.peer},
      {},
      {r.time_ns},
      fmt::format("at {} ns node {} offered {} hint versions to node {}, but its records say it "
                  "held {} for it: a handoff offer carries every hint for the intended node",
                  r.time_ns, r.node, r.count, r.peer, held)});
}

// Applies a record to its node's view; true when the view changed.
bool apply_to_view(const TraceRecord& r, NodeId nodes, NodeView& view) {
  const bool has_peer = r.peer < nodes;
  switch (r.kind) {
    case TraceKind::crashed:
    case TraceKind::wiped:
      view.running = false;
      std::fill(view.suspected.begin(), view.suspected.end(), false);
      return true;
    case TraceKind::restarted:
    case TraceKind::resumed:
      view.running = true;
      return true;
    case TraceKind::paused:
      view.running = false;
      return true;
    case TraceKind::suspected:
      if (has_peer) view.suspected[r.peer] = true;
      return has_peer;
    case TraceKind::trusted:
      if (has_peer) view.suspected[r.peer] = false;
      return has_peer;
    case TraceKind::hinted:
      if (has_peer) ++view.hints[r.peer];
      return has_peer;
    case TraceKind::hint_deleted:
    case TraceKind::hint_superseded:
    case TraceKind::lost_on_crash:
    case TraceKind::lost_on_wipe:
      if (has_peer) --view.hints[r.peer];
      return has_peer;
    default:
      return false;
  }
}

}  // namespace

size_t check_periodic_duties(const CheckContext& ctx, PropertyVerdict& verdict) {
  const NodeId nodes = ctx.input.config.nodes;
  std::vector<NodeView> views(
      nodes, NodeView{true, std::vector<bool>(nodes, false), std::vector<int64_t>(nodes, 0)});
  std::vector<Duty> duties = make_duties(ctx);
  std::vector<std::vector<size_t>> duties_of(nodes);
  for (size_t i = 0; i < duties.size(); ++i) duties_of[duties[i].node].push_back(i);
  for (Duty& duty : duties) duty.holds = duty_holds(duty, views[duty.node]);
  size_t judged = 0;
  TimeNs end_ns = 0;
  for (const TraceRecord& r : ctx.input.trace.records) {
    end_ns = std::max(end_ns, r.time_ns);
    if (r.node >= nodes) continue;
    if (r.kind == TraceKind::handoff_offered && r.peer < nodes)
      check_offer(r, views[r.node], verdict);
    if (apply_to_view(r, nodes, views[r.node])) {
      for (size_t i : duties_of[r.node])
        update(duties[i], views[r.node], r.time_ns, verdict, judged);
    }
    // Only these two kinds are duty actions (is_action); most records are
    // neither, and a node has a duty per peer and per exchange pair.
    if (r.kind != TraceKind::handoff_offered && r.kind != TraceKind::merkle_exchange_started)
      continue;
    for (size_t i : duties_of[r.node]) {
      Duty& duty = duties[i];
      if (!duty.holds || !is_action(duty, r)) continue;
      ++judged;
      if (r.time_ns - duty.anchor_ns > duty.period_ns)
        verdict.violations.push_back(missed(duty, r.time_ns));
      duty.anchor_ns = r.time_ns;
    }
  }
  for (const Duty& duty : duties) {
    if (!duty.holds) continue;
    ++judged;
    if (end_ns - duty.anchor_ns > duty.period_ns)
      verdict.violations.push_back(missed(duty, end_ns));
  }
  return judged;
}

}  // namespace dt
