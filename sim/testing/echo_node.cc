#include "sim/testing/echo_node.h"

#include <fmt/format.h>

#include <utility>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

namespace {

std::vector<EchoCall>* g_log = nullptr;

// `describe_call` runs only when a log is set: formatting is the slow part.
template <typename Describe>
void log_call(NodeId node, const NodeClock& clock, const Describe& describe_call) {
  if (g_log == nullptr) return;
  g_log->push_back(EchoCall{node, describe_call(), clock.local_clock_ns, clock.incarnation});
}

}  // namespace

void set_echo_log(std::vector<EchoCall>* log) { g_log = log; }

EchoNode::EchoNode(NodeId self, const Config& config, EchoFlavor flavor)
    : self_(self), config_(config), flavor_(flavor) {
  DT_ASSERT(self < config.nodes, "echo node id out of range");
  DT_ASSERT(config.probe_interval_ns > 0, "echo node needs a probe interval");
}

void EchoNode::send_probe(Effects& out) {
  if (config_.nodes < 2) return;
  out.sends.push_back(Outgoing{(self_ + 1) % config_.nodes, Probe{++probe_sequence_}});
}

void EchoNode::on_start(const NodeClock& clock, Effects& out) {
  log_call(self_, clock, [] { return std::string("start"); });
  out.timers.push_back(TimerRequest{TimerKind::probe, 0, config_.probe_interval_ns});
  send_probe(out);
}

void EchoNode::on_client_request(const NodeClock& clock, const ClientRequest& request,
                                 Effects& out) {
  log_call(self_, clock, [&] {
    return fmt::format("request {} key {}", to_string(request.kind), request.key);
  });
  ClientReply reply;
  reply.op_id = request.op_id;
  if (request.kind == ClientOpKind::get) {
    auto it = store_.find(request.key);
    if (it != store_.end()) reply.siblings = it->second;
    reply.context = context_of(reply.siblings);
    out.replies.push_back(std::move(reply));
    return;
  }
  Version version;
  version.dot = Dot{actor_id(self_, clock.incarnation), ++dot_counter_};
  version.context = request.context;
  version.tombstone = request.kind == ClientOpKind::del;
  if (!version.tombstone) version.value = request.value;
  version.lww_timestamp_ns = clock.local_clock_ns;
  version.write_id = request.write_id;
  const uint32_t partition = partition_of(request.key, config_.partitions_q);
  for (NodeId home : home_replicas(config_, partition)) {
    out.sends.push_back(Outgoing{home, StoreRequest{request.op_id, request.key, version, kNoNode}});
  }
  if (version.tombstone) out.marks.push_back(CoverageMark::tombstone_stored);
  reply.context = version.clock();
  out.replies.push_back(std::move(reply));
}

void EchoNode::store(Key key, Version version, NodeId from, Effects& out) {
  if (flavor_ == EchoFlavor::off_by_one && !version.value.empty()) version.value[0] += 1;
  Siblings& siblings = store_[key];
  DT_ASSERT(siblings.size() <= 1, "echo node keeps one version per key");
  if (!siblings.empty() && siblings[0].write_id >= version.write_id) return;
  TraceRecord r;
  r.kind = TraceKind::stored;
  r.peer = from;
  r.key = key;
  r.write_id = version.write_id;
  r.dot = version.dot;
  r.tombstone = version.tombstone;
  out.trace.push_back(std::move(r));
  siblings.assign(1, std::move(version));
}

void EchoNode::on_message(const NodeClock& clock, NodeId from, const Message& message,
                          Effects& out) {
  log_call(self_, clock,
           [&] { return fmt::format("message {} from {}", describe(message), from); });
  if (const auto* probe = std::get_if<Probe>(&message)) {
    if (flavor_ != EchoFlavor::deaf) {
      out.sends.push_back(Outgoing{from, ProbeReply{probe->sequence}});
    }
  } else if (const auto* request = std::get_if<StoreRequest>(&message)) {
    store(request->key, request->version, from, out);
  }
}

void EchoNode::on_timer(const NodeClock& clock, TimerKind kind, uint64_t tag, Effects& out) {
  log_call(self_, clock, [&] { return fmt::format("timer {} {}", to_string(kind), tag); });
  DT_ASSERT(kind == TimerKind::probe, "echo node only sets probe timers");
  out.timers.push_back(TimerRequest{TimerKind::probe, tag + 1, config_.probe_interval_ns});
  send_probe(out);
}

void EchoNode::on_crash(Effects&) {
  log_call(self_, NodeClock{}, [] { return std::string("crash"); });
  probe_sequence_ = 0;  // volatile; the store is durable
}

void EchoNode::on_wipe(Effects& out) {
  log_call(self_, NodeClock{}, [] { return std::string("wipe"); });
  for (const auto& [key, siblings] : store_) {
    for (const Version& v : siblings) {
      TraceRecord r;
      r.kind = TraceKind::lost_on_wipe;
      r.key = key;
      r.write_id = v.write_id;
      r.dot = v.dot;
      out.trace.push_back(std::move(r));
    }
  }
  store_.clear();
  dot_counter_ = 0;
  probe_sequence_ = 0;
}

NodeState EchoNode::abstract_state() const {
  NodeState state;
  state.node = self_;
  state.store = store_;
  return state;
}

std::unique_ptr<Node> make_echo_node(NodeId self, const Config& config, const BugSet&) {
  return std::make_unique<EchoNode>(self, config, EchoFlavor::faithful);
}
std::unique_ptr<Node> make_off_by_one_echo_node(NodeId self, const Config& config,
                                                const BugSet&) {
  return std::make_unique<EchoNode>(self, config, EchoFlavor::off_by_one);
}
std::unique_ptr<Node> make_deaf_echo_node(NodeId self, const Config& config, const BugSet&) {
  return std::make_unique<EchoNode>(self, config, EchoFlavor::deaf);
}

}  // namespace dt
