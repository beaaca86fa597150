#include "impl/direct_cluster.h"

#include <deque>
#include <memory>
#include <utility>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/prng.h"

namespace dt {

namespace {

struct InFlight {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  Message message;
};

class DirectCluster {
 public:
  DirectCluster(NodeFactory factory, const Config& config) {
    for (NodeId n = 0; n < config.nodes; ++n) nodes_.push_back(factory(n, config, {}));
    DT_ASSERT(!nodes_.empty(), "a cluster without nodes");
  }

  // Delivers everything queued, FIFO; client replies go to `on_reply`.
  template <typename OnReply>
  void drain(OnReply&& on_reply) {
    while (!queue_.empty()) {
      InFlight next = std::move(queue_.front());
      queue_.pop_front();
      out_.clear();
      nodes_[next.to]->on_message(NodeClock{}, next.from, next.message, out_);
      ++result_.node_events;
      collect(next.to, on_reply);
    }
  }

  template <typename OnReply>
  void collect(NodeId from, OnReply&& on_reply) {
    for (Outgoing& send : out_.sends) queue_.push_back({from, send.to, std::move(send.message)});
    for (const ClientReply& reply : out_.replies) on_reply(reply);
  }

  template <typename OnReply>
  void fire_all(TimerKind kind, OnReply&& on_reply) {
    for (NodeId n = 0; n < nodes_.size(); ++n) {
      out_.clear();
      nodes_[n]->on_timer(NodeClock{}, kind, 0, out_);
      ++result_.node_events;
      collect(n, on_reply);
    }
    drain(on_reply);
  }

  DirectLoadResult run(const DirectLoad& load);

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::deque<InFlight> queue_;
  Effects out_;
  std::vector<VClock> contexts_;  // per key: the context of its last ok reply
  DirectLoadResult result_;
};

DirectLoadResult DirectCluster::run(const DirectLoad& load) {
  Prng prng(load.seed);
  contexts_.assign(load.keys, VClock());
  Key current_key = 0;
  auto on_reply = [&](const ClientReply& reply) {
    result_.replies_digest = hash_combine(result_.replies_digest,
                                          hash_combine(static_cast<uint64_t>(reply.status),
                                                       reply.context.hash()));
    if (reply.status == ReplyStatus::ok) contexts_[current_key] = reply.context;
  };
  for (uint32_t op = 0; op < load.ops; ++op) {
    current_key = prng.below(load.keys);
    const auto coordinator = static_cast<NodeId>(prng.below(nodes_.size()));
    ClientRequest request;
    request.op_id = op + 1;
    request.key = current_key;
    request.kind = prng.below(10) < 6 ? ClientOpKind::put : ClientOpKind::get;
    if (request.kind == ClientOpKind::put) {
      request.value = {static_cast<ElementValue>(op)};
      request.context = contexts_[current_key];
      request.write_id = op + 1;
    }
    out_.clear();
    nodes_[coordinator]->on_client_request(NodeClock{}, request, out_);
    ++result_.node_events;
    ++result_.client_ops;
    collect(coordinator, on_reply);
    drain(on_reply);
    if ((op + 1) % load.round_every_ops == 0) {
      fire_all(TimerKind::anti_entropy, on_reply);
      fire_all(TimerKind::handoff, on_reply);
    }
  }
  DT_ASSERT(queue_.empty(), "messages left in flight");
  return result_;
}

}  // namespace

DirectLoadResult run_direct_load(NodeFactory factory, const Config& config,
                                 const DirectLoad& load) {
  DT_ASSERT(config.validate().is_ok(), "direct load over a bad config");
  DT_ASSERT(load.ops > 0 && load.keys > 0 && load.round_every_ops > 0, "empty direct load");
  DirectCluster cluster(factory, config);
  return cluster.run(load);
}

}  // namespace dt
