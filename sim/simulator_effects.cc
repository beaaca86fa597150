// Simulator: handing an event to a node (and its lockstep shadow) and turning
// the node's effects into scheduled deliveries, timers and trace records.
#include <utility>

#include "core/assert.h"
#include "sim/lockstep.h"
#include "sim/schedule_check.h"
#include "sim/simulator.h"

namespace dt {

void Simulator::dispatch(NodeId node, const NodeCall& call) {
  DT_ASSERT(node < nodes_.size(), "dispatch to an unknown node");
  NodeRuntime& runtime = nodes_[node];
  const NodeClock clock = clock_of(node);
  primary_out_.clear();
  call(*runtime.primary, clock, primary_out_);
  if (runtime.shadow) {
    shadow_out_.clear();
    call(*runtime.shadow, clock, shadow_out_);
    compare_lockstep(node);
  }
  apply_effects(node, primary_out_);
}

void Simulator::compare_lockstep(NodeId node) {
  NodeRuntime& runtime = nodes_[node];
  DT_ASSERT(runtime.shadow != nullptr, "lockstep without a shadow");
  std::vector<std::string> differences = effect_differences(primary_out_, shadow_out_);
  const NodeState model = runtime.primary->abstract_state();
  const NodeState impl = runtime.shadow->abstract_state();
  if (!(model == impl)) {
    for (std::string& d : model.differences(impl, "model", "impl")) {
      differences.push_back(std::move(d));
    }
    if (differences.empty()) differences.push_back("abstract states differ (no field named)");
  }
  if (differences.empty()) return;
  DT_ASSERT(current_ != nullptr, "divergence outside an event");
  Divergence divergence;
  divergence.event_index = stats_.events - 1;
  divergence.time_ns = now_ns_;
  divergence.node = node;
  if (const auto* fault = std::get_if<ScheduledFault>(current_)) {
    divergence.event = describe(schedule_.events[fault->index]);
  } else {
    divergence.event = describe(*current_);
  }
  divergence.differences = std::move(differences);
  divergence_ = std::move(divergence);
}

void Simulator::apply_effects(NodeId node, Effects& effects) {
  NodeRuntime& runtime = nodes_[node];
  DT_ASSERT(runtime.up || (effects.sends.empty() && effects.timers.empty() &&
                           effects.replies.empty()),
            "a crash/wipe handler sent a message, set a timer or replied");
  for (Outgoing& send : effects.sends) {
    DT_ASSERT(send.to < nodes_.size(), "node sent to an unknown node");
    ++stats_.messages_sent;
    const SendPlan plan = network_.plan_send(node, send.to);
    stats_.messages_dropped += plan.lost;
    const uint64_t to_epoch = nodes_[send.to].epoch;
    for (uint32_t copy = 0; copy < plan.copies; ++copy) {
      // The last copy takes the message; an earlier (duplicate) copy copies it.
      const TimeNs at_ns = now_ns_ + plan.delay_ns[copy];
      if (copy + 1 == plan.copies) {
        queue_.push(at_ns, MessageDelivery{node, send.to, to_epoch, std::move(send.message)});
      } else {
        queue_.push(at_ns, MessageDelivery{node, send.to, to_epoch, send.message});
      }
    }
  }
  for (const TimerRequest& timer : effects.timers) {
    DT_ASSERT(timer.delay_ns < kNever - now_ns_, "timer beyond the end of time");
    // Timer delays come from a few config values: push_after keeps them out of the heap.
    queue_.push_after(now_ns_, timer.delay_ns,
                      TimerFire{node, runtime.epoch, timer.kind, timer.tag});
  }
  for (ClientReply& reply : effects.replies) {
    queue_.push(now_ns_ + network_.client_hop_delay_ns(), ReplyArrival{node, std::move(reply)});
  }
  if (options_.record_trace) {
    for (TraceRecord& r : effects.trace) {
      r.time_ns = now_ns_;
      r.node = node;
      records_.push_back(std::move(r));
    }
  }
  for (CoverageMark mark : effects.marks) {
    const auto index = static_cast<size_t>(mark);
    DT_ASSERT(index < kCoverageMarkCount, "unknown coverage mark");
    ++coverage_[index];
  }
}

void Simulator::record(TraceKind kind, NodeId node, NodeId peer, std::string detail) {
  if (!options_.record_trace) return;
  TraceRecord r;
  r.time_ns = now_ns_;
  r.node = node;
  r.kind = kind;
  r.peer = peer;
  r.detail = std::move(detail);
  records_.push_back(std::move(r));
}

}  // namespace dt
