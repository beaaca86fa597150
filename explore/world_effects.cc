// World: handing an input to a node (and its lockstep shadow), turning the
// effects into in-flight copies, timers and replies, and the node faults.
#include <algorithm>
#include <string>
#include <utility>

#include "core/assert.h"
#include "explore/judged_orders.h"
#include "explore/message_hash.h"
#include "explore/world.h"
#include "sim/lockstep.h"

namespace dt {

namespace {

}  // namespace

NodeClock World::clock_of(NodeId node) const {
  DT_ASSERT(node < nodes.size(), "clock of an unknown node");
  // The node's own event count: a function of its inputs only, so steps on
  // other nodes never change what this node computes (they commute). Only
  // LWW reads it; under vclocks it stays 0, so the versions a node writes do
  // not depend on how many unrelated events it handled before (states meet).
  NodeClock clock;
  if (setup_->config.versioning == Versioning::lww) {
    clock.local_clock_ns = static_cast<int64_t>(nodes[node].local_events * kMillisecondNs);
  }
  clock.incarnation = nodes[node].incarnation;
  return clock;
}

void World::dispatch(NodeId node, const NodeCall& call) {
  DT_ASSERT(node < nodes.size(), "dispatch to an unknown node");
  ExploreNode& target = nodes[node];
  const NodeClock clock = clock_of(node);
  ++target.local_events;
  target.behaviour_hash = 0;  // the call below may change the node
  Effects primary_out;
  call(*target.primary, clock, primary_out);
  if (target.shadow) {
    Effects shadow_out;
    call(*target.shadow, clock, shadow_out);
    std::vector<std::string> differences = effect_differences(primary_out, shadow_out);
    append_state_differences(*target.primary, *target.shadow, differences);
    if (!differences.empty() && !divergence) {
      divergence = Divergence{steps_, now_ns(), node, "explore step " + std::to_string(steps_),
                              std::move(differences)};
    }
  }
  announce_clock(node, clock, primary_out);
  apply_effects(node, primary_out);
  if (target.up) drop_dead_timeouts(node);
}

// Under LWW a node's clock here is its event count, while records carry the
// path's time (1 ms per step). The LWW checker takes the timestamp of a write
// that no reply or final state shows from its request_started record: the
// record's time plus the coordinator's skew as the last clock_skewed record
// set it (checks/lww_order.h), which is how the simulator's clocks work. So
// before a node starts a write whose clock is off the path's time by another
// amount than last announced, a clock_skewed record announces the offset;
// without it that checker judged merges by timestamps the nodes never used
// (a clean impl "failed" integrity/lww_wrong_winner). The record is left out
// of the state identity (it is not hashed into the node's trace or the
// observed order): the offset is the node's clock, which the identity holds,
// less the path's time, and the timestamp the checker derives is that clock
// whichever path reached the state.
void World::announce_clock(NodeId node, const NodeClock& clock, const Effects& effects) {
  if (setup_->config.versioning != Versioning::lww) return;
  const bool starts_write = std::any_of(effects.trace.begin(), effects.trace.end(),
                                        [](const TraceRecord& r) {
                                          return r.kind == TraceKind::request_started &&
                                                 r.write_id != 0;
                                        });
  const int64_t skew_ns = clock.local_clock_ns - static_cast<int64_t>(now_ns());
  if (!starts_write || skew_ns == nodes[node].announced_skew_ns) return;
  nodes[node].announced_skew_ns = skew_ns;
  TraceRecord r;
  r.time_ns = now_ns();
  r.node = node;
  r.kind = TraceKind::clock_skewed;
  r.detail = std::to_string(skew_ns);
  records.push_back(std::move(r));
}

void World::apply_effects(NodeId node, Effects& effects) {
  const ExploreNode& source = nodes[node];
  DT_ASSERT(source.up || (effects.sends.empty() && effects.timers.empty() &&
                          effects.replies.empty()),
            "a crash/wipe handler sent a message, set a timer or replied");
  for (Outgoing& send : effects.sends) {
    DT_ASSERT(send.to < nodes.size(), "node sent to an unknown node");
    const uint64_t hash = hash_envelope(node, send.to, send.message);
    in_flight.push_back(InFlight{node, send.to, std::move(send.message), hash});
  }
  for (const TimerRequest& timer : effects.timers) {
    timers.push_back(PendingTimer{node, timer.kind, timer.tag});
  }
  for (TraceRecord& r : effects.trace) {
    r.node = node;
    append_record(std::move(r));
  }
  for (CoverageMark mark : effects.marks) {
    const auto index = static_cast<size_t>(mark);
    DT_ASSERT(index < kCoverageMarkCount, "unknown coverage mark");
    ++coverage[index];
  }
  // Last: a reply may make the client send its next request (a composite
  // op's write), which calls back into a node.
  for (const ClientReply& reply : effects.replies) on_reply(node, reply);
}

void World::deliver_now(size_t index) {
  DT_ASSERT(index < in_flight.size(), "deliver: no such message");
  InFlight copy = std::move(in_flight[index]);
  in_flight.erase(in_flight.begin() + static_cast<std::ptrdiff_t>(index));
  DT_ASSERT(nodes[copy.to].up, "delivery to a down node");
  if (!connected(copy.from, copy.to)) {
    ++partition_losses;  // as in the simulator: a partition loses the copy
    return;
  }
  dispatch(copy.to, [&](Node& n, const NodeClock& c, Effects& out) {
             n.on_message(c, copy.from, copy.message, out);
           });
}

void World::fire_now(size_t index) {
  DT_ASSERT(index < timers.size(), "fire: no such timer");
  const PendingTimer timer = timers[index];
  timers.erase(timers.begin() + static_cast<std::ptrdiff_t>(index));
  DT_ASSERT(nodes[timer.node].up, "timer of a down node");
  dispatch(timer.node, [&](Node& n, const NodeClock& c, Effects& out) {
             n.on_timer(c, timer.kind, timer.tag, out);
           });
}

void World::record(TraceKind kind, NodeId node, std::string detail) {
  TraceRecord r;
  r.node = node;
  r.kind = kind;
  r.detail = std::move(detail);
  append_record(std::move(r));
}

void World::append_record(TraceRecord r) {
  r.time_ns = now_ns();
  const uint64_t hash = hash_trace_record(r);
  observe(hash);
  if (reads_judged_order(r.kind)) {
    judged_orders += hash_combine(hash, judged_order_fact(r, records));
    order_read_in_step_ = true;
  }
  if (writes_judged_order(r.kind)) order_write_in_step_ = true;
  if (r.node < nodes.size()) {
    nodes[r.node].trace.add(r.kind, hash);
  } else {
    global_trace_hash = hash_combine(global_trace_hash, hash);
  }
  records.push_back(std::move(r));
}

void World::observe(uint64_t item_hash) {
  observed_order = hash_combine(observed_order, item_hash);
  observed_in_step_ = true;
}

void World::crash_node(NodeId node, bool wipe) {
  DT_ASSERT(node < nodes.size(), "crash of an unknown node");
  ExploreNode& target = nodes[node];
  DT_ASSERT(wipe || target.up, "crash of a down node");
  target.up = false;
  ++target.crashes;
  if (wipe) ++target.incarnation;
  // Its timers and every copy in flight to it die (the simulator's epoch).
  std::erase_if(timers, [&](const PendingTimer& t) { return t.node == node; });
  std::erase_if(in_flight, [&](const InFlight& m) { return m.to == node; });
  record(wipe ? TraceKind::wiped : TraceKind::crashed, node);
  if (wipe) {
    dispatch(node, [](Node& n, const NodeClock&, Effects& out) { n.on_wipe(out); });
  } else {
    dispatch(node, [](Node& n, const NodeClock&, Effects& out) { n.on_crash(out); });
  }
  DT_ASSERT(!target.up, "node came back during its crash");
}

void World::restart_node(NodeId node) {
  DT_ASSERT(node < nodes.size() && !nodes[node].up, "restart of a running node");
  nodes[node].up = true;
  record(TraceKind::restarted, node);
  dispatch(node, [](Node& n, const NodeClock& c, Effects& out) { n.on_start(c, out); });
}

void World::partition(uint32_t mask) {
  DT_ASSERT(groups.empty() && mask > 0, "partition while partitioned");
  groups.assign(nodes.size(), 0);
  std::string text[2];
  for (NodeId n = 0; n < nodes.size(); ++n) {
    groups[n] = (mask >> n) & 1u;
    std::string& g = text[groups[n]];
    g += (g.empty() ? "" : ",") + std::to_string(n);
  }
  DT_ASSERT(groups.back() == 0, "the last node is in group 0");
  record(TraceKind::partitioned, kNoNode, text[0] + "|" + text[1]);
}

void World::final_heal() {
  if (!groups.empty()) groups.clear();
  record(TraceKind::healed, kNoNode);
  for (NodeId n = 0; n < nodes.size(); ++n) {
    if (!nodes[n].up) restart_node(n);
    if (divergence) return;
  }
  for (const ExploreNode& node : nodes) DT_ASSERT(node.up, "final heal left a node down");
}

}  // namespace dt
