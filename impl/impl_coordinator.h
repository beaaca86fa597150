// The impl's coordinator: put/get/delete with the model's target choice,
// quorum counting, sloppy replacement, deadlines and read repair. Pending
// requests sit in a vector sorted by request id (ids only grow, so a new one
// is appended); targets and responders are tiny inline lists.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/hash.h"
#include "core/node.h"
#include "core/state_digest.h"
#include "impl/impl_bugs.h"
#include "impl/peer_view.h"
#include "impl/placement.h"
#include "impl/sibling_merge.h"

namespace dt {

class ImplCoordinator {
 public:
  ImplCoordinator(NodeId self, const Config& config, const Placement& placement,
                  const ImplBugs& bugs);
  // After copying the owning node: use the copy's placement.
  void rebind(const Placement& placement) { placement_ = &placement; }

  void start(const NodeClock& clock, const ClientRequest& request, RequestId request_id,
             uint64_t& dot_counter, const PeerView& peers, Effects& out);
  void on_store_ack(NodeId from, const StoreAck& ack, Effects& out);
  void on_fetch_reply(NodeId from, const FetchReply& reply, Effects& out);
  void on_replica_timeout(uint64_t tag, PeerView& peers, Effects& out);
  void on_deadline(RequestId request_id, Effects& out);

  std::vector<PendingRequestState> pending_states() const;
  // NodeStateDigest::pending(pending_states()) without building the list.
  void add_pending_to(NodeStateDigest& digest) const;
  // Every open request in full (FingerprintedNode).
  void fingerprint(Hasher& h) const;
  void reset() { pending_.clear(); }

 private:
  struct Target {
    NodeId node = kNoNode;
    NodeId stands_for = kNoNode;
  };
  struct Pending {
    RequestId request_id = 0;
    uint64_t op_id = 0;
    ClientOpKind kind = ClientOpKind::get;
    Key key = 0;
    uint32_t partition = 0;
    Version version;
    std::vector<Target> asked;                          // in the order asked
    std::vector<std::pair<NodeId, Siblings>> answered;  // ascending responder
  };

  uint32_t quorum(ClientOpKind kind) const;
  void choose_targets(uint32_t partition, const PeerView& peers,
                      std::vector<Target>& targets) const;
  void ask(Pending& request, Target target, Effects& out) const;
  void finish(const Pending& request, ClientReply reply, Effects& out) const;
  void complete_get(const Pending& request, Effects& out);
  TraceRecord request_record(const Pending& request, TraceKind kind, NodeId peer) const;
  Pending* find(RequestId request_id);
  void erase(const Pending* request);
  // Records `from` as answered; false when not asked or already answered.
  static bool record_answer(Pending& request, NodeId from, const Siblings* siblings);
  static bool answered_by(const Pending& request, NodeId node);

  NodeId self_;
  Config config_;
  // A pointer, not a reference, so a copied node can point its copy at its
  // own placement (rebind).
  const Placement* placement_;
  ImplBugs bugs_;
  uint64_t tag_stride_;  // replica_timeout tag = request_id * stride + target
  std::vector<Pending> pending_;  // ascending request id
  SiblingMerge merge_scratch_;
};

}  // namespace dt
