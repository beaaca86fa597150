// A tiny test-only node for driving the simulator without the real protocol:
// a put/delete stores a version locally-by-replication (the coordinator sends
// a StoreRequest to the key's home replicas and acks the client at once), a
// get answers from the coordinator's own store, and a periodic probe timer
// pings the next node. Replicas keep the version with the highest write id,
// so replicas converge once every StoreRequest arrived.
//
// Flavors give deliberately different nodes for lockstep tests. An optional
// process-wide log records every call a node got (tests only; not thread-safe).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/node.h"

namespace dt {

enum class EchoFlavor {
  faithful,
  off_by_one,   // replicas store value + 1: abstract state diverges
  deaf,         // never answers probes: effects diverge
};

// One call a node received, for tests.
struct EchoCall {
  NodeId node = kNoNode;
  std::string what;            // "start", "timer probe", "message Probe 3 from 1", ...
  int64_t local_clock_ns = 0;  // the NodeClock it was given (0 for crash/wipe)
  uint32_t incarnation = 0;
};

// Sets (or clears with nullptr) the log every EchoNode appends to.
void set_echo_log(std::vector<EchoCall>* log);

class EchoNode : public Node {
 public:
  EchoNode(NodeId self, const Config& config, EchoFlavor flavor);

  void on_start(const NodeClock& clock, Effects& out) override;
  void on_client_request(const NodeClock& clock, const ClientRequest& request,
                         Effects& out) override;
  void on_message(const NodeClock& clock, NodeId from, const Message& message,
                  Effects& out) override;
  void on_timer(const NodeClock& clock, TimerKind kind, uint64_t tag, Effects& out) override;
  void on_crash(Effects& out) override;
  void on_wipe(Effects& out) override;
  NodeState abstract_state() const override;

 private:
  void store(Key key, Version version, NodeId from, Effects& out);
  void send_probe(Effects& out);

  NodeId self_;
  Config config_;
  EchoFlavor flavor_;
  std::map<Key, Siblings> store_;
  uint64_t dot_counter_ = 0;
  uint64_t probe_sequence_ = 0;
};

std::unique_ptr<Node> make_echo_node(NodeId self, const Config& config, const BugSet& bugs);
std::unique_ptr<Node> make_off_by_one_echo_node(NodeId self, const Config& config,
                                                const BugSet& bugs);
std::unique_ptr<Node> make_deaf_echo_node(NodeId self, const Config& config, const BugSet& bugs);

}  // namespace dt
