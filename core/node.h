// The node interface: a node is a pure state machine. It gets events (client
// request, message, timer, start, crash, wipe) and appends effects (messages,
// timers, client replies, trace records, coverage marks). It never reads a
// clock, draws randomness or does I/O; the simulator owns all three.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/coverage.h"
#include "core/messages.h"
#include "core/node_state.h"
#include "core/trace.h"
#include "core/types.h"
#include "core/version.h"

namespace dt {

// What a node may know about "now": its own (possibly skewed) local clock,
// used only for LWW timestamps. Timeouts are timers, never clock reads.
// `incarnation` counts the node's disk wipes: the node's actor id for new
// dots is actor_id(self, incarnation), so a wiped node reuses no dot.
struct NodeClock {
  int64_t local_clock_ns = 0;
  uint32_t incarnation = 0;
};

enum class ClientOpKind { put, get, del };
const char* to_string(ClientOpKind kind);

// A client's request to a coordinator. `write_id` names the version a put or
// delete creates (the client driver makes it unique).
struct ClientRequest {
  uint64_t op_id = 0;
  ClientOpKind kind = ClientOpKind::get;
  Key key = 0;
  Value value;       // put only
  VClock context;    // put/delete: the context of the versions it supersedes
  WriteId write_id = 0;
  friend bool operator==(const ClientRequest&, const ClientRequest&) = default;
};

enum class ReplyStatus {
  ok,       // put: W acks; get: R replies
  fail,     // nothing can have been stored (or a get short of R)
  timeout,  // deadline passed short of quorum; a put may be stored somewhere
};
const char* to_string(ReplyStatus status);

struct ClientReply {
  uint64_t op_id = 0;
  ReplyStatus status = ReplyStatus::ok;
  Siblings siblings;   // get ok: merged siblings (tombstones included)
  VClock context;      // get ok: merged clock of the siblings; put ok: the new version's clock()
  std::string reason;  // fail/timeout: why, for the history
  friend bool operator==(const ClientReply&, const ClientReply&) = default;
};

enum class TimerKind : uint8_t {
  probe,            // failure detector round
  probe_timeout,    // tag = peer
  replica_timeout,  // tag = request id * 64 + target  (a target did not answer)
  request_deadline, // tag = request id
  handoff,          // hinted handoff round
  anti_entropy,     // Merkle exchange round
};
const char* to_string(TimerKind kind);

struct TimerRequest {
  TimerKind kind = TimerKind::probe;
  uint64_t tag = 0;
  TimeNs delay_ns = 0;
  friend bool operator==(const TimerRequest&, const TimerRequest&) = default;
};

struct Outgoing {
  NodeId to = kNoNode;
  Message message;
  friend bool operator==(const Outgoing&, const Outgoing&) = default;
};

// Everything one event made a node do, in the order it did it.
struct Effects {
  std::vector<Outgoing> sends;
  std::vector<TimerRequest> timers;
  std::vector<ClientReply> replies;
  std::vector<TraceRecord> trace;  // time_ns left 0: the simulator stamps it
  std::vector<CoverageMark> marks;
  // Whether anyone reads the trace records. The simulator clears it for a
  // run that records no trace and has no lockstep side to compare them
  // with; a node may then skip building records on its hot paths (records
  // it appends anyway are dropped). Nothing else may depend on it: every
  // other effect is the same either way. `clear` keeps it.
  bool trace_wanted = true;

  void clear() {
    sends.clear();
    timers.clear();
    replies.clear();
    trace.clear();
    marks.clear();
  }
  friend bool operator==(const Effects&, const Effects&) = default;
};

// Named bugs switched on in an implementation (the bug zoo).
using BugSet = std::set<std::string>;

class Node {
 public:
  virtual ~Node() = default;

  // First boot and every restart after a crash: (re)arm periodic timers.
  virtual void on_start(const NodeClock& clock, Effects& out) = 0;
  virtual void on_client_request(const NodeClock& clock, const ClientRequest& request,
                                 Effects& out) = 0;
  virtual void on_message(const NodeClock& clock, NodeId from, const Message& message,
                          Effects& out) = 0;
  virtual void on_timer(const NodeClock& clock, TimerKind kind, uint64_t tag,
                        Effects& out) = 0;
  // Volatile state is lost (pending requests, failure-detector view, volatile
  // hints); the simulator also drops the node's timers and in-flight replies.
  virtual void on_crash(Effects& out) = 0;
  // The disk is lost too: main store and durable hints. Implies a crash.
  virtual void on_wipe(Effects& out) = 0;

  // The canonical abstract state, compared between model and impl.
  virtual NodeState abstract_state() const = 0;
  // Exactly abstract_state().comparison_digest(). Lockstep compares these
  // after every event and builds both states only when they differ; nodes
  // override it with a walk that copies nothing (core/state_digest.h).
  virtual uint64_t comparison_digest() const { return abstract_state().comparison_digest(); }

  // A deep copy in the same state, for the explorer (explore/), which keeps
  // many states alive and branches from each. nullptr: not supported.
  virtual std::unique_ptr<Node> clone() const { return nullptr; }
};

using NodeFactory =
    std::unique_ptr<Node> (*)(NodeId self, const Config& config, const BugSet& bugs);

}  // namespace dt
