// The event loop of one run: owns the nodes (primary and, in lockstep, the
// shadow), their fault state, the network, the client driver and the event
// queue. runner.cc drives it through the run's phases.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/assert.h"
#include "core/node.h"
#include "core/run_record.h"
#include "core/schedule.h"
#include "sim/client_driver.h"
#include "sim/event_queue.h"
#include "sim/network.h"
#include "sim/runner.h"

namespace dt {

class Simulator {
 public:
  // REQUIRES: check_runnable(schedule) ok, options.primary set. Keeps a
  // reference to `schedule`.
  Simulator(const Schedule& schedule, const RunOptions& options);

  // Processes every event due at or before `until_ns`, then sets the clock to
  // `until_ns`. Stops early (returns false) on a lockstep divergence.
  bool run_until(TimeNs until_ns);
  // Processes events until no client op is open. False on a divergence.
  bool run_until_clients_idle();
  // Sparse lockstep (state_check_interval > 1): compares the abstract states
  // of every node that handled an event since the last check. False on a
  // divergence. The runner calls it once more at the end of a run.
  bool check_pending_states();

  TimeNs now_ns() const { return now_ns_; }
  ClientDriver& clients() { return clients_; }
  // abstract_state() of every primary node, by node id. Built again only
  // when an event ran since the last call (nodes change only inside events).
  const std::vector<NodeState>& primary_states();
  // The same, moved out (the next primary_states() builds them again).
  std::vector<NodeState> take_primary_states();

  const std::optional<Divergence>& divergence() const { return divergence_; }
  const RunStats& stats() const { return stats_; }
  std::vector<TraceRecord> take_records() { return std::move(records_); }
  const CoverageCounts& coverage() const { return coverage_; }

 private:
  struct NodeRuntime {
    std::unique_ptr<Node> primary;
    std::unique_ptr<Node> shadow;
    bool up = false;
    bool paused = false;
    uint64_t epoch = 0;        // bumped by crash and wipe: stale timers and messages die
    uint32_t incarnation = 0;  // bumped by wipe
    int64_t skew_ns = 0;
    std::vector<SimEvent> deferred;  // events that arrived while paused, in order
  };

  void step();
  // `event` may be moved from (into a paused node's deferred list).
  void handle(SimEvent& event);
  void on_delivery(const MessageDelivery& delivery, SimEvent& event);
  void on_timer(const TimerFire& fire, SimEvent& event);
  void on_request(const RequestArrival& arrival, SimEvent& event);

  // Calls `call(node, clock, effects)` on the primary (and shadow) node,
  // compares in lockstep, then applies the primary's effects. A template
  // rather than a std::function: it runs once per event.
  template <class Call>
  void dispatch(NodeId node, const Call& call) {
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
  void compare_lockstep(NodeId node);
  // Appends the readable differences between the node's model and impl states.
  void state_differences(NodeId node, std::vector<std::string>& out) const;
  void report_divergence(NodeId node, std::vector<std::string> differences, bool at_check);
  void apply_effects(NodeId node, Effects& effects);
  NodeClock clock_of(NodeId node) const;
  void record(TraceKind kind, NodeId node, NodeId peer = kNoNode, std::string detail = {});

  // Faults (simulator_faults.cc).
  void apply_fault(const ScheduleEvent& event);
  void crash(NodeId node);
  void wipe(NodeId node);
  void restart(NodeId node);
  void pause(NodeId node);
  void resume(NodeId node);
  void set_link(const ScheduleEvent& event);
  void final_heal();
  void drop_deferred(NodeRuntime& runtime);

  const Schedule& schedule_;
  const RunOptions options_;
  EventQueue queue_;
  Network network_;
  ClientDriver clients_;
  std::vector<NodeRuntime> nodes_;
  TimeNs now_ns_ = 0;
  const SimEvent* current_ = nullptr;  // the event being handled (for reports)
  Effects primary_out_;
  Effects shadow_out_;
  std::vector<TraceRecord> records_;
  CoverageCounts coverage_{};
  RunStats stats_;
  std::optional<Divergence> divergence_;
  std::vector<NodeState> states_;            // primary_states() cache
  std::optional<uint64_t> states_at_events_;  // stats_.events when it was built
  // Sparse lockstep: bit n set = node n handled an event since the last state check.
  uint64_t unchecked_nodes_ = 0;
  // Large clusters only: there the next event's payload is usually cold, on
  // a few nodes it is in cache and the extra lookup costs about 3%.
  static constexpr size_t kPrefetchFromNodes = 64;
  bool prefetch_payloads_ = false;
};

}  // namespace dt
