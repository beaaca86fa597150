// The coordinator side of client requests: choosing targets (preference list,
// sloppy fallbacks with hints), counting acks/replies to the quorum, replacing
// timed-out targets, deadlines, the client reply and read repair. Every
// request, including ones whose target is this node itself, goes through the
// network as messages (the coordinator sends to itself like to any peer).
#pragma once

#include <map>
#include <vector>

#include "core/hash.h"
#include "core/node.h"
#include "core/state_digest.h"
#include "model/failure_detector.h"
#include "model/ring_view.h"

namespace dt {

class Coordinator {
 public:
  Coordinator(NodeId self, const Config& config);
  // With the node's ring view (copies share its table, so a node builds one).
  Coordinator(NodeId self, const Config& config, const RingView& ring);

  // A client put/delete/get arrives. `request_id` is fresh; `dot_counter`
  // is the node's durable counter, bumped once when a put/delete proceeds.
  void start(const NodeClock& clock, const ClientRequest& request, RequestId request_id,
             uint64_t& dot_counter, const FailureDetector& detector, Effects& out);
  void on_store_ack(NodeId from, const StoreAck& ack, Effects& out);
  void on_fetch_reply(NodeId from, const FetchReply& reply, Effects& out);
  // tag = request id * 64 + target.
  void on_replica_timeout(uint64_t tag, FailureDetector& detector, Effects& out);
  void on_deadline(RequestId request_id, Effects& out);

  // In-flight requests, by request id, targets and answered sorted.
  std::vector<PendingRequestState> pending_states() const;
  // NodeStateDigest::pending(pending_states()) without building the list.
  void add_pending_to(NodeStateDigest& digest) const;
  // Every open request in full (FingerprintedNode).
  void fingerprint(Hasher& h) const;
  // A crash forgets every in-flight request (no replies are sent).
  void reset() { pending_.clear(); }

 private:
  struct Target {
    NodeId node = kNoNode;
    NodeId stands_for = kNoNode;  // the home node a fallback stands in for
  };
  struct PendingRequest {
    RequestId request_id = 0;
    uint64_t op_id = 0;
    ClientOpKind kind = ClientOpKind::get;
    Key key = 0;
    Version version;                      // put/delete only
    std::vector<Target> asked;            // in the order asked
    std::map<NodeId, Siblings> answered;  // responder -> its siblings (empty for puts)
  };

  uint32_t quorum(ClientOpKind kind) const;
  std::vector<Target> initial_targets(Key key, const FailureDetector& detector) const;
  void ask(PendingRequest& request, Target target, Effects& out) const;
  void finish(const PendingRequest& request, ClientReply reply, Effects& out);
  void complete_get(const PendingRequest& request, Effects& out);
  TraceRecord request_record(const PendingRequest& request, TraceKind kind, NodeId peer) const;

  NodeId self_;
  Config config_;
  RingView ring_;
  uint64_t tag_stride_;  // replica_timeout tag = request_id * stride + target
  std::map<RequestId, PendingRequest> pending_;
};

}  // namespace dt
