// World: when a one-shot timeout may fire under TimeoutPolicy::after_loss,
// and dropping request timeouts that can only be no-ops (any policy).
// A timeout waits for an exchange: the coordinator's request to a target and
// the reply (replica_timeout, tag = request id * stride + target), every such
// exchange of a request (request_deadline, tag = request id), or a probe and
// its reply (probe_timeout, tag = peer). It is due once no copy of the
// exchange is still deliverable: lost, dropped, crossing a partition or
// addressed to a down node. Request ids are per coordinator, so a copy
// belongs to the coordinator's exchange by direction: requests go out from
// it, replies come back to it.
#include <algorithm>
#include <optional>
#include <vector>
#include <variant>

#include "core/assert.h"
#include "explore/world.h"

namespace dt {

namespace {

struct Exchange {
  RequestId request_id = 0;
  bool is_reply = false;  // flows back to the coordinator
};

std::optional<Exchange> exchange_of(const Message& message) {
  if (const auto* m = std::get_if<StoreRequest>(&message)) return Exchange{m->request_id, false};
  if (const auto* m = std::get_if<FetchRequest>(&message)) return Exchange{m->request_id, false};
  if (const auto* m = std::get_if<StoreAck>(&message)) return Exchange{m->request_id, true};
  if (const auto* m = std::get_if<FetchReply>(&message)) return Exchange{m->request_id, true};
  return std::nullopt;
}

// The copy belongs to request `request_id` of `coordinator`, with `peer`
// (kNoNode: any peer).
bool part_of_request(const InFlight& copy, NodeId coordinator, RequestId request_id,
                     NodeId peer) {
  const std::optional<Exchange> e = exchange_of(copy.message);
  if (!e || e->request_id != request_id) return false;
  const NodeId us = e->is_reply ? copy.to : copy.from;
  const NodeId them = e->is_reply ? copy.from : copy.to;
  return us == coordinator && (peer == kNoNode || them == peer);
}

bool part_of_probe(const InFlight& copy, NodeId node, NodeId peer) {
  if (std::holds_alternative<Probe>(copy.message)) return copy.from == node && copy.to == peer;
  if (std::holds_alternative<ProbeReply>(copy.message)) {
    return copy.from == peer && copy.to == node;
  }
  return false;
}

}  // namespace

bool World::deliverable(const InFlight& copy) const {
  return nodes[copy.to].up && connected(copy.from, copy.to);
}

bool World::timeout_due(const PendingTimer& timer) const {
  if (setup_->bounds.timeouts == TimeoutPolicy::any) return true;
  DT_ASSERT(nodes[timer.node].up, "a timer of a down node");
  const NodeId node = timer.node;
  const uint64_t stride = replica_timeout_stride(setup_->config.nodes);
  auto waits = [&](auto&& belongs) {
    for (const InFlight& copy : in_flight) {
      if (belongs(copy) && deliverable(copy)) return true;
    }
    return false;
  };
  switch (timer.kind) {
    case TimerKind::probe:
    case TimerKind::handoff:
    case TimerKind::anti_entropy:
      return true;
    case TimerKind::probe_timeout: {
      const auto peer = static_cast<NodeId>(timer.tag);
      return !waits([&](const InFlight& c) { return part_of_probe(c, node, peer); });
    }
    case TimerKind::replica_timeout: {
      const RequestId request = timer.tag / stride;
      const auto target = static_cast<NodeId>(timer.tag % stride);
      return !waits([&](const InFlight& c) { return part_of_request(c, node, request, target); });
    }
    case TimerKind::request_deadline: {
      const RequestId request = timer.tag;
      for (const PendingTimer& t : timers) {
        const bool replica_pending = t.node == node && t.kind == TimerKind::replica_timeout &&
                                     t.tag / stride == request;
        if (replica_pending) return false;
      }
      return !waits([&](const InFlight& c) { return part_of_request(c, node, request, kNoNode); });
    }
  }
  DT_ASSERT(false, "unknown timer kind");
  return true;
}

void World::drop_dead_timeouts(NodeId node) {
  const auto is_request_timer = [&](const PendingTimer& t) {
    return t.node == node &&
           (t.kind == TimerKind::replica_timeout || t.kind == TimerKind::request_deadline);
  };
  if (std::none_of(timers.begin(), timers.end(), is_request_timer)) return;
  const std::vector<PendingRequestState> pending = nodes[node].primary->abstract_state().pending;
  const uint64_t stride = replica_timeout_stride(setup_->config.nodes);
  const auto dead = [&](const PendingTimer& t) {
    if (!is_request_timer(t)) return false;
    const bool replica = t.kind == TimerKind::replica_timeout;
    const RequestId request = replica ? t.tag / stride : t.tag;
    const auto it = std::find_if(pending.begin(), pending.end(), [&](const auto& p) {
      return p.request_id == request;
    });
    if (it == pending.end()) return true;  // finished: both kinds return at once
    const auto target = static_cast<NodeId>(t.tag % stride);
    return replica && std::binary_search(it->answered.begin(), it->answered.end(), target);
  };
  std::erase_if(timers, dead);
}

}  // namespace dt
