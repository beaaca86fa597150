// Simulator: applying schedule events (node faults, network faults, scripted
// client ops) and the final heal that ends the safety phase.
#include <string>
#include <utility>

#include <fmt/format.h>

#include "core/assert.h"
#include "sim/simulator.h"

namespace dt {

void Simulator::apply_fault(const ScheduleEvent& e) {
  DT_ASSERT(e.at_ns == now_ns_, "schedule event applied at the wrong time");
  switch (e.kind) {
    case EventKind::crash: return crash(e.node);
    case EventKind::wipe: return wipe(e.node);
    case EventKind::restart: return restart(e.node);
    case EventKind::pause: return pause(e.node);
    case EventKind::resume: return resume(e.node);
    case EventKind::partition:
      network_.partition(e.groups);
      return record(TraceKind::partitioned, kNoNode, kNoNode, network_.groups_text());
    case EventKind::heal:
      network_.heal();
      return record(TraceKind::healed, kNoNode);
    case EventKind::link: return set_link(e);
    case EventKind::clock_skew:
      DT_ASSERT(e.node < nodes_.size(), "clock skew of an unknown node");
      nodes_[e.node].skew_ns = e.skew_ns;
      return record(TraceKind::clock_skewed, e.node, kNoNode, std::to_string(e.skew_ns));
    case EventKind::put: case EventKind::get: case EventKind::del: case EventKind::add:
      return clients_.on_scripted_op(now_ns_, e);
  }
  DT_ASSERT(false, "unknown schedule event kind");
}

void Simulator::drop_deferred(NodeRuntime& runtime) {
  for (const SimEvent& event : runtime.deferred) {
    if (std::holds_alternative<MessageDelivery>(event)) ++stats_.messages_dropped;
  }
  runtime.deferred.clear();
  DT_ASSERT(runtime.deferred.empty(), "deferred events survived");
}

void Simulator::crash(NodeId node) {
  DT_ASSERT(node < nodes_.size(), "crash of an unknown node");
  NodeRuntime& runtime = nodes_[node];
  if (!runtime.up) return;  // already down: nothing to crash
  runtime.up = false;
  runtime.paused = false;
  ++runtime.epoch;  // its timers and the messages in flight to it die
  drop_deferred(runtime);
  record(TraceKind::crashed, node);
  dispatch(node, [](Node& n, const NodeClock&, Effects& out) { n.on_crash(out); });
  DT_ASSERT(!runtime.up, "node came back during its crash");
}

void Simulator::wipe(NodeId node) {
  DT_ASSERT(node < nodes_.size(), "wipe of an unknown node");
  NodeRuntime& runtime = nodes_[node];
  runtime.up = false;
  runtime.paused = false;
  ++runtime.epoch;
  ++runtime.incarnation;  // new actor id: the wiped node reuses no dot
  drop_deferred(runtime);
  record(TraceKind::wiped, node);
  dispatch(node, [](Node& n, const NodeClock&, Effects& out) { n.on_wipe(out); });
  DT_ASSERT(!runtime.up && runtime.incarnation > 0, "wipe left the node up");
}

void Simulator::restart(NodeId node) {
  DT_ASSERT(node < nodes_.size(), "restart of an unknown node");
  NodeRuntime& runtime = nodes_[node];
  if (runtime.up) return;  // running nodes ignore a restart
  DT_ASSERT(!runtime.paused && runtime.deferred.empty(), "down node with a pause");
  runtime.up = true;
  record(TraceKind::restarted, node);
  dispatch(node, [](Node& n, const NodeClock& c, Effects& out) { n.on_start(c, out); });
}

void Simulator::pause(NodeId node) {
  DT_ASSERT(node < nodes_.size(), "pause of an unknown node");
  NodeRuntime& runtime = nodes_[node];
  if (!runtime.up || runtime.paused) return;
  DT_ASSERT(runtime.deferred.empty(), "running node with deferred events");
  runtime.paused = true;
  record(TraceKind::paused, node);
}

void Simulator::resume(NodeId node) {
  DT_ASSERT(node < nodes_.size(), "resume of an unknown node");
  NodeRuntime& runtime = nodes_[node];
  if (!runtime.paused) return;
  DT_ASSERT(runtime.up, "paused node that is down");
  runtime.paused = false;
  record(TraceKind::resumed, node);
  // Everything that waited is due now, in the order it arrived.
  std::vector<SimEvent> deferred = std::move(runtime.deferred);
  runtime.deferred.clear();
  for (SimEvent& event : deferred) queue_.push(now_ns_, std::move(event));
}

void Simulator::set_link(const ScheduleEvent& e) {
  DT_ASSERT(e.kind == EventKind::link, "set_link for another event kind");
  DT_ASSERT(e.from < nodes_.size() && e.to < nodes_.size(), "link endpoint out of range");
  // No range of its own: the link keeps the base delay (distribution included).
  LinkFault fault = Network::base_link(schedule_.config);
  fault.drop_ppm = e.drop_ppm;
  fault.duplicate_ppm = e.duplicate_ppm;
  if (e.delay_min_ns != 0 || e.delay_max_ns != 0) {
    fault.delay_min_ns = e.delay_min_ns;
    fault.delay_max_ns = e.delay_max_ns;
    fault.delay_distribution = DelayDistribution::uniform;
    fault.delay_mean_ns = 0;
    fault.delay_pareto_shape_milli = 0;
  }
  network_.set_link(e.from, e.to, fault);
  if (!options_.record_trace) return;
  TraceRecord r;
  r.time_ns = now_ns_;
  r.node = e.from;
  r.peer = e.to;
  r.kind = TraceKind::link_changed;
  r.count = fault.drop_ppm;
  r.extra = fault.duplicate_ppm;
  r.detail = fmt::format("delay={}..{}", fault.delay_min_ns, fault.delay_max_ns);
  records_.push_back(std::move(r));
}

void Simulator::final_heal() {
  clients_.stop_invoking();
  network_.heal();
  record(TraceKind::healed, kNoNode);
  for (NodeId node = 0; node < nodes_.size(); ++node) {
    if (nodes_[node].paused) resume(node);
    if (!nodes_[node].up) restart(node);
    if (divergence_) return;
  }
  for (const NodeRuntime& runtime : nodes_) {
    DT_ASSERT(runtime.up && !runtime.paused, "final heal left a node down or paused");
  }
}

}  // namespace dt
