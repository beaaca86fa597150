// A tiny in-test cluster of model nodes: messages are delivered in FIFO order
// from one queue, timers are recorded and fired by hand. No simulator, no
// time except what a test sets. Every event's effects are logged so tests can
// compare two runs.
#pragma once

#include <deque>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/node.h"
#include "model/ring_view.h"

namespace dt::test {

struct Envelope {
  NodeId from = kNoNode;
  Outgoing outgoing;
};

struct ArmedTimer {
  NodeId node = kNoNode;
  TimerRequest timer;
};

class TestCluster {
 public:
  explicit TestCluster(const Config& config);

  const Config& config() const { return config_; }
  RingView ring() const { return RingView(config_); }
  Node& node(NodeId id) { return *nodes_.at(id); }
  NodeState state(NodeId id) const { return nodes_.at(id)->abstract_state(); }

  void start_all();
  // A client request at `coordinator`; its effects are queued.
  void request(NodeId coordinator, const ClientRequest& request);
  // Delivers queued messages in order until the queue is empty. Messages to
  // down nodes or over cut links are dropped. Returns how many were delivered.
  size_t deliver_all();
  // Delivers (or drops) the first queued message; false when none was delivered.
  bool deliver_one();
  // Fires one armed timer of `kind` (and `tag`, unless any_tag) at `node`.
  // Returns false when none is armed.
  bool fire(NodeId node, TimerKind kind, uint64_t tag, bool any_tag = false);
  // Fires every timer of `kind` armed at `node` right now (not ones they arm).
  size_t fire_all(NodeId node, TimerKind kind);
  // Suspect `peer` at `node` through the failure detector's own path: one
  // probe round whose probe to `peer` is lost, then its probe timeouts.
  void make_suspect(NodeId node, NodeId peer);

  void crash(NodeId id);
  void restart(NodeId id);
  void wipe(NodeId id);
  void cut(NodeId from, NodeId to) { cut_links_.insert({from, to}); }
  void heal() { cut_links_.clear(); }
  void set_clock(NodeId id, int64_t local_clock_ns) {
    clocks_.at(id).local_clock_ns = local_clock_ns;
  }

  // Everything observed, in order.
  std::vector<ClientReply> replies;
  std::vector<TraceRecord> trace;
  std::vector<CoverageMark> marks;
  std::vector<std::string> log;  // one line per effect, for determinism checks

  size_t count_marks(CoverageMark mark) const;
  std::vector<TraceRecord> records(TraceKind kind) const;
  std::vector<ArmedTimer> armed(NodeId node, TimerKind kind) const;
  std::deque<Envelope>& queue() { return queue_; }

 private:
  void absorb(NodeId node, const Effects& effects);
  bool deliver(const Envelope& envelope);
  // A crashed node: down, its timers and queued messages (both ways) gone.
  void forget(NodeId id);

  Config config_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<NodeClock> clocks_;
  std::set<NodeId> down_;
  std::set<std::pair<NodeId, NodeId>> cut_links_;
  std::deque<Envelope> queue_;
  std::vector<ArmedTimer> timers_;
};

// A key whose partition has `homes` as its preference list prefix, found by
// scanning keys 0..; asserts one exists within a bound.
Key key_with_first_home(const Config& config, NodeId first_home);

ClientRequest put_request(uint64_t op_id, Key key, ElementValue value, WriteId write_id,
                          VClock context = {});
ClientRequest delete_request(uint64_t op_id, Key key, WriteId write_id, VClock context);
ClientRequest get_request(uint64_t op_id, Key key);

}  // namespace dt::test
