#include "sim/simulator.h"

#include <utility>

#include "core/assert.h"
#include "sim/lockstep.h"
#include "sim/schedule_check.h"

namespace dt {

namespace {

// Stream ids of the run's PRNG split per subsystem.
constexpr uint64_t kNetworkStream = 1;
constexpr uint64_t kClientStream = 2;

Prng stream(uint64_t seed, uint64_t stream_id) { return Prng(seed).split(stream_id); }

BugSet bugs_of(const Schedule& schedule) {
  return BugSet(schedule.inject.begin(), schedule.inject.end());
}

}  // namespace

Simulator::Simulator(const Schedule& schedule, const RunOptions& options)
    : schedule_(schedule),
      options_(options),
      network_(schedule.config, stream(schedule.seed, kNetworkStream)),
      clients_(schedule, stream(schedule.seed, kClientStream), network_, queue_) {
  DT_ASSERT(options.primary != nullptr, "RunOptions.primary is required");
  DT_ASSERT(schedule.config.nodes > 0, "no nodes");
  DT_ASSERT(options.state_check_interval >= 1, "state_check_interval must be at least 1");
  DT_ASSERT(options.state_check_interval == 1 || schedule.config.nodes <= 64,
            "sparse state checks keep one bit per node");
  const BugSet bugs = bugs_of(schedule);
  // Lockstep compares the trace records of both sides, so they are built
  // whenever there is a shadow, recorded or not.
  primary_out_.trace_wanted = options.record_trace || options.shadow != nullptr;
  nodes_.resize(schedule.config.nodes);
  prefetch_payloads_ = nodes_.size() >= kPrefetchFromNodes;
  for (NodeId n = 0; n < schedule.config.nodes; ++n) {
    nodes_[n].primary = options.primary(n, schedule.config, bugs);
    DT_ASSERT(nodes_[n].primary != nullptr, "primary factory returned null");
    if (options.shadow != nullptr) {
      nodes_[n].shadow = options.shadow(n, schedule.config, bugs);
      DT_ASSERT(nodes_[n].shadow != nullptr, "shadow factory returned null");
    }
    queue_.push(0, NodeBoot{n});
  }
  for (size_t i = 0; i < schedule.events.size(); ++i) {
    queue_.push(schedule.events[i].at_ns, ScheduledFault{i});
  }
  queue_.push(schedule.workload.duration_ns, FinalHeal{});
  clients_.start(0);
}

bool Simulator::run_until(TimeNs until_ns) {
  DT_ASSERT(until_ns >= now_ns_, "run_until into the past");
  while (!divergence_ && !queue_.empty() && queue_.next_time_ns() <= until_ns) step();
  if (divergence_) return false;
  now_ns_ = until_ns;
  return true;
}

bool Simulator::run_until_clients_idle() {
  while (!divergence_ && clients_.open_ops() > 0) {
    // Every open op has a pending timeout, so the queue cannot run dry first.
    DT_ASSERT(!queue_.empty(), "client ops open with nothing scheduled");
    step();
  }
  return !divergence_;
}

void Simulator::step() {
  // The payload is handled where it sits in the queue (no move), then released.
  const EventQueue::Taken taken = queue_.take();
  DT_ASSERT(taken.time_ns >= now_ns_, "event queue went back in time");
  DT_ASSERT(stats_.events < options_.max_events, "run exceeded RunOptions.max_events");
  now_ns_ = taken.time_ns;
  ++stats_.events;
  SimEvent& event = queue_.payload(taken.slot);
  if (prefetch_payloads_ && !queue_.empty()) queue_.prefetch_next();
  current_ = &event;
  handle(event);
  current_ = nullptr;
  queue_.release(taken.slot);
  if (unchecked_nodes_ != 0 && stats_.events % options_.state_check_interval == 0) {
    check_pending_states();
  }
}

void Simulator::handle(SimEvent& event) {
  if (const auto* e = std::get_if<MessageDelivery>(&event)) return on_delivery(*e, event);
  if (const auto* e = std::get_if<TimerFire>(&event)) return on_timer(*e, event);
  if (const auto* e = std::get_if<RequestArrival>(&event)) return on_request(*e, event);
  if (const auto* e = std::get_if<ReplyArrival>(&event)) return clients_.on_reply(now_ns_, *e);
  if (const auto* e = std::get_if<ClientWake>(&event)) return clients_.on_wake(now_ns_, *e);
  if (const auto* e = std::get_if<ClientTimeout>(&event)) {
    return clients_.on_timeout(now_ns_, *e);
  }
  if (const auto* e = std::get_if<ScheduledFault>(&event)) {
    DT_ASSERT(e->index < schedule_.events.size(), "schedule event index out of range");
    return apply_fault(schedule_.events[e->index]);
  }
  if (const auto* e = std::get_if<NodeBoot>(&event)) {
    DT_ASSERT(e->node < nodes_.size() && !nodes_[e->node].up, "boot of a running node");
    nodes_[e->node].up = true;
    return dispatch(e->node, [](Node& n, const NodeClock& c, Effects& out) { n.on_start(c, out); });
  }
  DT_ASSERT(std::holds_alternative<FinalHeal>(event), "unhandled simulator event");
  final_heal();
}

void Simulator::on_delivery(const MessageDelivery& delivery, SimEvent& event) {
  DT_ASSERT(delivery.to < nodes_.size() && delivery.from < nodes_.size(), "bad endpoints");
  NodeRuntime& target = nodes_[delivery.to];
  if (!target.up || target.epoch != delivery.to_epoch) {
    ++stats_.messages_dropped;  // the receiver crashed since the send
    return;
  }
  if (target.paused) return target.deferred.push_back(std::move(event));
  if (!network_.connected(delivery.from, delivery.to)) {
    ++stats_.messages_dropped;  // a partition went up while it was in flight
    return;
  }
  ++stats_.messages_delivered;
  dispatch(delivery.to, [&](Node& n, const NodeClock& c, Effects& out) {
    n.on_message(c, delivery.from, delivery.message, out);
  });
}

void Simulator::on_timer(const TimerFire& fire, SimEvent& event) {
  DT_ASSERT(fire.node < nodes_.size(), "timer for an unknown node");
  NodeRuntime& runtime = nodes_[fire.node];
  if (!runtime.up || runtime.epoch != fire.epoch) return;  // set before a crash
  if (runtime.paused) return runtime.deferred.push_back(std::move(event));
  dispatch(fire.node, [&](Node& n, const NodeClock& c, Effects& out) {
    n.on_timer(c, fire.kind, fire.tag, out);
  });
}

void Simulator::on_request(const RequestArrival& arrival, SimEvent& event) {
  DT_ASSERT(arrival.coordinator < nodes_.size(), "request for an unknown node");
  NodeRuntime& runtime = nodes_[arrival.coordinator];
  if (!runtime.up) return;  // lost: the client will time out
  if (runtime.paused) return runtime.deferred.push_back(std::move(event));
  dispatch(arrival.coordinator, [&](Node& n, const NodeClock& c, Effects& out) {
    n.on_client_request(c, arrival.request, out);
  });
}

NodeClock Simulator::clock_of(NodeId node) const {
  DT_ASSERT(node < nodes_.size(), "clock of an unknown node");
  const NodeRuntime& runtime = nodes_[node];
  NodeClock clock;
  clock.local_clock_ns = static_cast<int64_t>(now_ns_) + runtime.skew_ns;
  clock.incarnation = runtime.incarnation;
  return clock;
}

const std::vector<NodeState>& Simulator::primary_states() {
  if (states_at_events_ == stats_.events) return states_;
  states_.clear();
  states_.reserve(nodes_.size());
  for (const NodeRuntime& runtime : nodes_) states_.push_back(runtime.primary->abstract_state());
  states_at_events_ = stats_.events;
  DT_ASSERT(states_.size() == schedule_.config.nodes, "state count");
  return states_;
}

std::vector<NodeState> Simulator::take_primary_states() {
  primary_states();
  states_at_events_.reset();
  std::vector<NodeState> states = std::move(states_);
  states_.clear();
  DT_ASSERT(states.size() == schedule_.config.nodes, "state count");
  return states;
}

}  // namespace dt
