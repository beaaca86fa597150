// Jepsen-style clients. Each client slot runs one op at a time as a process:
// it records `invoke` in the history, sends a ClientRequest to a coordinator
// (the hop takes a base network delay) and records the completion from the
// reply or from its own timeout. After an `info` (outcome unknown) the
// process never invokes again: its slot continues under a fresh process id.
//
// Slots 0..clients-1 draw the generated load (think, then op) until the
// safety phase ends; a scripted op for process p queues behind the open op of
// p's slot (slot p when p < clients, else a slot of its own). Ops still queued
// when invoking stops (the final heal) are never invoked.
// `delete` and `add` first read the key (an internal get, not in the history,
// sent with op_id + 1) and then write with the read context.
// A client does not know which nodes are down: a coordinator it draws (or a
// scripted one) may be down, and the request is then lost (timeout).
//
// History fields: an invoke carries the context sent (put) and the value
// written (put value / add element). An ok completion carries the reply's
// context (get: the merged context read; put/delete/add: the new version's
// clock); a get ok, and a delete/add whose read phase finished, carry the
// siblings read. A delete/add that fails or times out in its read phase is
// `fail` (nothing was written).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/history.h"
#include "core/prng.h"
#include "core/schedule.h"
#include "sim/event_queue.h"
#include "sim/network.h"

namespace dt {

class ClientDriver {
 public:
  // Keeps references to all four; they must outlive the driver.
  ClientDriver(const Schedule& schedule, Prng prng, Network& network, EventQueue& queue);

  // Arms the first think time of every generating slot.
  void start(TimeNs now_ns);
  // After this, no generated or queued op is invoked (final reads still are).
  void stop_invoking() { invoking_ = false; }
  void on_scripted_op(TimeNs now_ns, const ScheduleEvent& event);
  void on_wake(TimeNs now_ns, const ClientWake& wake);
  void on_reply(TimeNs now_ns, const ReplyArrival& arrival);
  void on_timeout(TimeNs now_ns, const ClientTimeout& timeout);
  // One get per key, each from a fresh process.
  void start_final_reads(TimeNs now_ns, const std::vector<Key>& keys);

  size_t open_ops() const { return open_.size(); }
  uint64_t ops_invoked() const { return ops_invoked_; }
  const History& history() const { return history_; }
  History take_history() { return std::move(history_); }

 private:
  struct QueuedOp {
    OpFn f = OpFn::get;
    Key key = 0;
    std::optional<ElementValue> value;
    NodeId coordinator = kNoNode;
  };
  struct OpenOp {
    uint32_t slot = 0;
    ProcessId process = 0;
    OpFn f = OpFn::get;
    Key key = 0;
    uint64_t op_id = 0;
    std::optional<ElementValue> value;  // put value / add element
    WriteId write_id = 0;
    NodeId coordinator = kNoNode;
    VClock context;                     // sent with the write
    bool reading = false;               // composite op still in its read phase
    Siblings read;
  };
  struct Slot {
    ProcessId process = 0;
    bool generates = false;
    std::deque<QueuedOp> queue;
    bool busy = false;
    uint64_t wake_sequence = 0;
    // Last get context per key. Hashed: looked up on every put and never
    // iterated, so its order reaches no effect.
    std::unordered_map<Key, VClock> contexts;
  };

  uint32_t slot_for_process(ProcessId scripted_process) const;
  ProcessId fresh_process();
  void arm_think(TimeNs now_ns, uint32_t slot);
  QueuedOp draw_generated_op();
  void invoke(TimeNs now_ns, uint32_t slot, const QueuedOp& op);
  HistoryOp record_of(const OpenOp& op, TimeNs now_ns, OpType type) const;
  static ClientRequest first_request(const OpenOp& op);
  void send(TimeNs now_ns, NodeId coordinator, ClientRequest request);
  void send_write(TimeNs now_ns, OpenOp& op, const ClientReply& read_reply);
  void complete(TimeNs now_ns, uint64_t op_id, OpType type, const ClientReply* reply,
                std::string error);
  void after_completion(TimeNs now_ns, uint32_t slot);

  const Schedule& schedule_;
  Prng prng_;
  Network& network_;
  EventQueue& queue_;
  std::vector<Slot> slots_;
  std::map<ProcessId, uint32_t> scripted_slots_;  // scripted process -> slot
  std::unordered_map<uint64_t, OpenOp> open_;  // by op id; never iterated
  ProcessId next_fresh_process_ = 0;
  uint64_t next_op_id_ = 1;
  WriteId next_write_id_ = 1;
  uint32_t generated_left_ = 0;
  uint64_t ops_invoked_ = 0;
  bool invoking_ = true;
  History history_;
};

}  // namespace dt
