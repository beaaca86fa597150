// The explored state: the nodes (cloned, never re-executed), the in-flight
// multiset, pending timers, partition, client progress, remaining budgets,
// and the path's history and trace so far. Asynchronous semantics: there is
// no clock; enabled() lists every step the state allows, apply() takes one.
// The history and trace carry a logical time (1 ms per step) so checkers
// that order events by time see the path's order.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/node.h"
#include "core/run_record.h"
#include "explore/bounds.h"
#include "explore/choice.h"
#include "explore/cloned_node.h"
#include "explore/trace_identity.h"
#include "sim/runner.h"

namespace dt {

struct ExploreNode {
  ClonedNode primary;
  ClonedNode shadow;  // lockstep only
  bool up = true;
  uint32_t incarnation = 0;  // wipes so far: the node's actor ids
  uint64_t local_events = 0;  // the node's own clock (1 ms per event it handled; LWW only)
  // The clock's offset from the path's time last announced by a
  // clock_skewed record (LWW only; World::announce_clock).
  int64_t announced_skew_ns = 0;
  TraceIdentity trace;        // the node's trace records, times left out (trace_identity.h)
  uint32_t crashes = 0;       // crashes and wipes so far (client timeouts key on it)
  uint32_t periodic_fired = 0;
  // The nodes' behaviour fingerprints (primary, then shadow) folded into one
  // hash, kept until the node next handles an event (dispatch clears it): a
  // step changes one node, so a state's fingerprint rehashes only that one.
  // 0 = not computed. Filled lazily by fingerprint() on a world no other
  // thread reads.
  mutable uint64_t behaviour_hash = 0;
};

struct InFlight {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  Message message;
  uint64_t hash = 0;  // hash_envelope(from, to, message)
};

struct PendingTimer {
  NodeId node = kNoNode;
  TimerKind kind = TimerKind::probe;
  uint64_t tag = 0;
};

// Probe, handoff and anti-entropy rounds re-arm forever (so --timer-firings
// bounds them); the other timers are one-shot timeouts.
inline bool is_periodic(TimerKind kind) {
  return kind == TimerKind::probe || kind == TimerKind::handoff || kind == TimerKind::anti_entropy;
}

struct ExploreOp {
  uint64_t op_id = 0;
  OpFn f = OpFn::get;
  Key key = 0;
  std::optional<ElementValue> value;
  WriteId write_id = 0;
  VClock context;
  NodeId coordinator = kNoNode;
  uint32_t coordinator_crashes = 0;  // the coordinator's crash count when sent
  bool request_lost = false;         // the coordinator was down
  bool reading = false;              // delete/add still in its read phase
  Siblings read;
};

struct ExploreClient {
  ProcessId process = 0;
  uint32_t next_op = 0;        // index into the client's script
  uint32_t script_ops = 0;     // ops in its script (final reads: 1)
  std::optional<ExploreOp> open;
  std::map<Key, VClock> contexts;  // last get context per key
};

struct Budgets {
  uint32_t crashes = 0, wipes = 0, partitions = 0, lost = 0, duplicates = 0;
};

// What one applied step did, for sleep sets and statistics.
struct StepOutcome {
  Footprint footprint;
  bool divergence = false;
};

class World {
 public:
  // Boots every node (on_start). REQUIRES: setup outlives the world.
  explicit World(const ExploreSetup& setup);
  World(const World& other) = default;  // clones the nodes (ClonedNode)
  World& operator=(const World&) = delete;
  World(World&&) = default;

  // Every step this state allows, in a fixed order (deterministic), with
  // Choice::text left empty: a readable line for every step of every state
  // was about a twelfth of a search's instructions, and only a
  // counterexample's steps are ever read.
  std::vector<Choice> enabled() const;
  // One readable line for `choice` ("deliver StoreRequest ... from 0 to 1").
  // REQUIRES: `choice` came from enabled() of this state.
  std::string step_text(const Choice& choice) const;
  // REQUIRES: `choice` came from enabled() of this state.
  StepOutcome apply(const Choice& choice);

  // All clients ran their scripts and no op is open.
  bool clients_done() const;
  uint64_t steps() const { return steps_; }
  TimeNs now_ns() const { return steps_ * kMillisecondNs; }

  // Liveness-phase helpers (path_end.cc): deterministic, no budgets; each
  // action there is one tick of logical time.
  void tick() { ++steps_; }
  void final_heal();
  void deliver_now(size_t index);
  void fire_now(size_t index);
  void client_timeout_now(uint32_t client);
  void start_final_read(Key key, NodeId coordinator);

  const ExploreSetup& setup() const { return *setup_; }
  std::vector<ExploreNode> nodes;
  std::vector<InFlight> in_flight;
  std::vector<PendingTimer> timers;
  std::vector<ExploreClient> clients;
  std::vector<uint8_t> groups;  // group of each node while partitioned; empty = healed
  Budgets left;
  uint64_t next_op_id = 1;
  WriteId next_write_id = 1;
  ProcessId next_process = 0;
  History history;
  std::vector<TraceRecord> records;
  CoverageCounts coverage{};
  std::optional<Divergence> divergence;
  uint64_t partition_losses = 0;  // copies lost crossing the partition
  uint64_t global_trace_hash = 0;  // the same for records of no node (partition, heal)
  // Every trace record and history event in the order they happened, with
  // a mark after each step that had any (IdentityOptions::exact_order).
  uint64_t observed_order = 0;
  // The outcome of every cross-node order a checker judges, order-free (a
  // sum of mixed record hashes and facts: explore/judged_orders.h).
  uint64_t judged_orders = 0;

 private:
  bool connected(NodeId a, NodeId b) const;
  // The copy can still be delivered: its receiver is up and connected.
  bool deliverable(const InFlight& copy) const;
  // Under TimeoutPolicy::after_loss (world_timeouts.cc): nothing the
  // one-shot timer waits for can still arrive. Periodic timers: always.
  bool timeout_due(const PendingTimer& timer) const;
  // Removes the node's request timeouts whose firing is a no-op forever:
  // the request is finished, or the target answered (request ids are never
  // reused and answers only accumulate). Exact: firing one changes nothing
  // but the timer list, so states that differ only by it meet.
  void drop_dead_timeouts(NodeId node);
  void add_choices_for_messages(std::vector<Choice>& out) const;
  void add_choices_for_faults(std::vector<Choice>& out) const;
  void add_choices_for_clients(std::vector<Choice>& out) const;
  NodeClock clock_of(NodeId node) const;
  // Calls the node (and its shadow), logs the input, applies the effects.
  using NodeCall = std::function<void(Node&, const NodeClock&, Effects&)>;
  void dispatch(NodeId node, const NodeCall& call);
  void apply_effects(NodeId node, Effects& effects);
  void announce_clock(NodeId node, const NodeClock& clock, const Effects& effects);
  void record(TraceKind kind, NodeId node, std::string detail = {});
  void append_record(TraceRecord record);
  // Ends every node's step in its trace identity (after the constructor and each apply()).
  void end_trace_steps();
  void crash_node(NodeId node, bool wipe);
  void restart_node(NodeId node);
  void partition(uint32_t mask);
  // Clients (world_clients.cc).
  void invoke(uint32_t client, OpFn f, Key key, NodeId coordinator);
  void send_request(uint32_t client, const ClientRequest& request);
  void send_write(uint32_t client, const ClientReply& read_reply);
  void on_reply(NodeId coordinator, const ClientReply& reply);
  void complete(uint32_t client, OpType type, const ClientReply* reply, std::string error);
  HistoryOp record_of(const ExploreClient& client, const ExploreOp& op, OpType type) const;

  const ExploreSetup* setup_;
  uint64_t steps_ = 0;
  bool history_touched_ = false;  // set by complete/invoke during one apply()
  bool observed_in_step_ = false;  // a record or history event in this apply()
  bool order_read_in_step_ = false;   // a record judged against other nodes' earlier ones
  bool order_write_in_step_ = false;  // a record such a judgement looks for
  void observe(uint64_t item_hash);
};

}  // namespace dt
