// Simulator: handing an event to a node (and its lockstep shadow) and turning
// the node's effects into scheduled deliveries, timers and trace records.
#include <fmt/format.h>

#include <bit>
#include <utility>

#include "core/assert.h"
#include "sim/lockstep.h"
#include "sim/schedule_check.h"
#include "sim/simulator.h"

namespace dt {

void Simulator::compare_lockstep(NodeId node) {
  DT_ASSERT(nodes_[node].shadow != nullptr, "lockstep without a shadow");
  std::vector<std::string> differences = effect_differences(primary_out_, shadow_out_);
  if (options_.state_check_interval == 1) {
    state_differences(node, differences);
  } else {
    unchecked_nodes_ |= uint64_t{1} << node;  // compared at the next state check
  }
  if (!differences.empty()) report_divergence(node, std::move(differences), false);
}

void Simulator::state_differences(NodeId node, std::vector<std::string>& out) const {
  const NodeRuntime& runtime = nodes_[node];
  append_state_differences(*runtime.primary, *runtime.shadow, out);
}

bool Simulator::check_pending_states() {
  DT_ASSERT(options_.shadow != nullptr || unchecked_nodes_ == 0, "state check without a shadow");
  // The set bits only, lowest node first: shifting by a node id would be
  // undefined past 64 nodes (where sparse checks are off and the set empty).
  for (uint64_t pending = unchecked_nodes_; pending != 0 && !divergence_;
       pending &= pending - 1) {
    const auto node = static_cast<NodeId>(std::countr_zero(pending));
    DT_ASSERT(node < nodes_.size(), "unchecked bit of an unknown node");
    std::vector<std::string> differences;
    state_differences(node, differences);
    if (!differences.empty()) report_divergence(node, std::move(differences), true);
  }
  unchecked_nodes_ = 0;
  return !divergence_;
}

void Simulator::report_divergence(NodeId node, std::vector<std::string> differences,
                                  bool at_check) {
  DT_ASSERT(!differences.empty(), "a divergence without a difference");
  DT_ASSERT(!divergence_, "a second divergence after the run should have stopped");
  DT_ASSERT(stats_.events > 0, "a divergence before any event");
  Divergence divergence;
  divergence.event_index = stats_.events - 1;
  divergence.time_ns = now_ns_;
  divergence.node = node;
  divergence.at_state_check = at_check;
  if (at_check) {
    divergence.event = fmt::format("state check (every {} events) after event {}",
                                   options_.state_check_interval, divergence.event_index);
  } else {
    DT_ASSERT(current_ != nullptr, "divergence outside an event");
    const auto* fault = std::get_if<ScheduledFault>(current_);
    divergence.event = fault ? describe(schedule_.events[fault->index]) : describe(*current_);
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
