#include "tests/model/test_cluster.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/assert.h"
#include "model/model_node.h"

namespace dt::test {

TestCluster::TestCluster(const Config& config) : config_(config) {
  DT_ASSERT(config.validate().is_ok(), "test cluster with an invalid config");
  for (NodeId id = 0; id < config.nodes; ++id) {
    nodes_.push_back(make_model_node(id, config, {}));
    clocks_.push_back(NodeClock{});
  }
}

void TestCluster::absorb(NodeId node, const Effects& effects) {
  for (const Outgoing& o : effects.sends) {
    log.push_back(fmt::format("{} send to {}: {}", node, o.to, describe(o.message)));
    queue_.push_back(Envelope{node, o});
  }
  for (const TimerRequest& t : effects.timers) {
    log.push_back(
        fmt::format("{} timer {} tag {} +{}", node, to_string(t.kind), t.tag, t.delay_ns));
    timers_.push_back(ArmedTimer{node, t});
  }
  for (const ClientReply& r : effects.replies) {
    log.push_back(fmt::format("{} reply op {} {} {} ctx {} ({})", node, r.op_id,
                              to_string(r.status), to_string(r.siblings), r.context.to_string(),
                              r.reason));
    replies.push_back(r);
  }
  for (const TraceRecord& r : effects.trace) {
    DT_ASSERT(r.node == node, "trace record names another node");
    log.push_back(fmt::format("{} trace {} peer {} key {} op {} w{} {}:{} p{} c{} x{} {}", node,
                              to_string(r.kind), r.peer, r.key, r.op_id, r.write_id, r.dot.actor,
                              r.dot.counter, r.partition, r.count, r.extra, r.detail));
    trace.push_back(r);
  }
  for (CoverageMark m : effects.marks) {
    log.push_back(fmt::format("{} mark {}", node, to_string(m)));
    marks.push_back(m);
  }
}

void TestCluster::start_all() {
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    Effects out;
    nodes_[id]->on_start(clocks_[id], out);
    absorb(id, out);
  }
}

void TestCluster::request(NodeId coordinator, const ClientRequest& request) {
  DT_ASSERT(!down_.count(coordinator), "request to a down node");
  Effects out;
  nodes_.at(coordinator)->on_client_request(clocks_.at(coordinator), request, out);
  absorb(coordinator, out);
}

size_t TestCluster::deliver_all() {
  size_t delivered = 0;
  while (!queue_.empty()) {
    DT_ASSERT(delivered < 100000, "message storm in a test cluster");
    Envelope e = std::move(queue_.front());
    queue_.pop_front();
    if (deliver(e)) ++delivered;
  }
  return delivered;
}

bool TestCluster::deliver_one() {
  if (queue_.empty()) return false;
  Envelope e = std::move(queue_.front());
  queue_.pop_front();
  return deliver(e);
}

bool TestCluster::deliver(const Envelope& e) {
  const NodeId to = e.outgoing.to;
  if (down_.count(to) || cut_links_.count({e.from, to})) return false;
  Effects out;
  nodes_.at(to)->on_message(clocks_.at(to), e.from, e.outgoing.message, out);
  absorb(to, out);
  return true;
}

void TestCluster::forget(NodeId id) {
  down_.insert(id);
  std::erase_if(timers_, [&](const ArmedTimer& t) { return t.node == id; });
  std::erase_if(queue_, [&](const Envelope& e) { return e.from == id || e.outgoing.to == id; });
}

bool TestCluster::fire(NodeId node, TimerKind kind, uint64_t tag, bool any_tag) {
  auto it = std::find_if(timers_.begin(), timers_.end(), [&](const ArmedTimer& t) {
    return t.node == node && t.timer.kind == kind && (any_tag || t.timer.tag == tag);
  });
  if (it == timers_.end()) return false;
  const ArmedTimer timer = *it;
  timers_.erase(it);
  Effects out;
  nodes_.at(node)->on_timer(clocks_.at(node), timer.timer.kind, timer.timer.tag, out);
  absorb(node, out);
  return true;
}

size_t TestCluster::fire_all(NodeId node, TimerKind kind) {
  const std::vector<ArmedTimer> now = armed(node, kind);
  for (const ArmedTimer& t : now) {
    DT_ASSERT(fire(node, kind, t.timer.tag), "armed timer vanished");
  }
  return now.size();
}

void TestCluster::make_suspect(NodeId node, NodeId peer) {
  DT_ASSERT(fire(node, TimerKind::probe, 0), "no probe timer armed");
  for (Envelope& e : queue_) {
    if (e.from == node && e.outgoing.to == peer) e.outgoing.to = kNoNode;  // lost
  }
  std::deque<Envelope> kept;
  for (Envelope& e : queue_) {
    if (e.outgoing.to != kNoNode) kept.push_back(std::move(e));
  }
  queue_ = std::move(kept);
  deliver_all();
  fire_all(node, TimerKind::probe_timeout);
}

void TestCluster::crash(NodeId id) {
  Effects out;
  nodes_.at(id)->on_crash(out);
  absorb(id, out);
  forget(id);
}

void TestCluster::restart(NodeId id) {
  down_.erase(id);
  Effects out;
  nodes_.at(id)->on_start(clocks_.at(id), out);
  absorb(id, out);
}

void TestCluster::wipe(NodeId id) {
  Effects out;
  nodes_.at(id)->on_wipe(out);
  absorb(id, out);
  forget(id);
  ++clocks_.at(id).incarnation;
}

size_t TestCluster::count_marks(CoverageMark mark) const {
  return static_cast<size_t>(std::count(marks.begin(), marks.end(), mark));
}

std::vector<TraceRecord> TestCluster::records(TraceKind kind) const {
  std::vector<TraceRecord> out;
  for (const TraceRecord& r : trace) {
    if (r.kind == kind) out.push_back(r);
  }
  return out;
}

std::vector<ArmedTimer> TestCluster::armed(NodeId node, TimerKind kind) const {
  std::vector<ArmedTimer> out;
  for (const ArmedTimer& t : timers_) {
    if (t.node == node && t.timer.kind == kind) out.push_back(t);
  }
  return out;
}

Key key_with_first_home(const Config& config, NodeId first_home) {
  const RingView ring(config);
  for (Key key = 0; key < 10000; ++key) {
    if (ring.preference_list(key).front() == first_home) return key;
  }
  DT_ASSERT(false, "no key has this first home");
  return 0;
}

ClientRequest put_request(uint64_t op_id, Key key, ElementValue value, WriteId write_id,
                          VClock context) {
  return ClientRequest{op_id, ClientOpKind::put, key, {value}, std::move(context), write_id};
}

ClientRequest delete_request(uint64_t op_id, Key key, WriteId write_id, VClock context) {
  return ClientRequest{op_id, ClientOpKind::del, key, {}, std::move(context), write_id};
}

ClientRequest get_request(uint64_t op_id, Key key) {
  return ClientRequest{op_id, ClientOpKind::get, key, {}, {}, 0};
}

}  // namespace dt::test
