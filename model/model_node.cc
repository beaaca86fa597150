#include "model/model_node.h"

#include <map>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/assert.h"
#include "core/state_digest.h"
#include "core/state_fingerprint.h"
#include "model/anti_entropy.h"
#include "model/coordinator.h"
#include "model/failure_detector.h"
#include "model/handoff.h"
#include "model/hint_store.h"
#include "model/merkle.h"
#include "model/records.h"
#include "model/replica.h"
#include "model/ring_view.h"
#include "model/store.h"

namespace dt {

namespace {

class ModelNode final : public Node, public FingerprintedNode {
 public:
  ModelNode(NodeId self, const Config& config)
      : self_(self),
        config_(config),
        ring_(config),
        detector_(self, config, ring_),
        coordinator_(self, config, ring_),
        anti_entropy_(self, config, ring_),
        home_partitions_(ring_.home_partitions(self)) {
    DT_ASSERT(config.validate().is_ok(), "model node built from an invalid config");
    DT_ASSERT(self < config.nodes, "model node id outside the cluster");
  }

  void on_start(const NodeClock& /*clock*/, Effects& out) override {
    arm(out, TimerKind::probe, 0, config_.probe_interval_ns);
    arm(out, TimerKind::handoff, 0, config_.handoff_interval_ns);
    arm(out, TimerKind::anti_entropy, 0, config_.anti_entropy_interval_ns);
  }

  void on_client_request(const NodeClock& clock, const ClientRequest& request,
                         Effects& out) override {
    coordinator_.start(clock, request, next_id_++, dot_counter_, detector_, out);
  }

  void on_message(const NodeClock& /*clock*/, NodeId from, const Message& message,
                  Effects& out) override {
    DT_ASSERT(from < config_.nodes, "message from outside the cluster");
    detector_.observe(from, out);
    std::visit([&](const auto& m) { handle(from, m, out); }, message);
  }

  void on_timer(const NodeClock& /*clock*/, TimerKind kind, uint64_t tag, Effects& out) override {
    switch (kind) {
      case TimerKind::probe:
        detector_.probe_round(out);
        arm(out, TimerKind::probe, 0, config_.probe_interval_ns);
        return;
      case TimerKind::probe_timeout:
        detector_.on_probe_timeout(static_cast<NodeId>(tag), out);
        return;
      case TimerKind::replica_timeout:
        coordinator_.on_replica_timeout(tag, detector_, out);
        return;
      case TimerKind::request_deadline:
        coordinator_.on_deadline(tag, out);
        return;
      case TimerKind::handoff:
        handoff_round(self_, hints_, detector_, next_id_, out);
        arm(out, TimerKind::handoff, 0, config_.handoff_interval_ns);
        return;
      case TimerKind::anti_entropy:
        anti_entropy_.start_round(main_store_, detector_, next_id_, out);
        arm(out, TimerKind::anti_entropy, 0, config_.anti_entropy_interval_ns);
        return;
    }
    DT_ASSERT(false, "unknown timer kind");
  }

  void on_crash(Effects& out) override {
    detector_.reset();
    coordinator_.reset();
    anti_entropy_.reset();
    if (config_.hint_store == HintStoreMode::volatile_) {
      lose_hints(TraceKind::lost_on_crash, out);
    }
  }

  void on_wipe(Effects& out) override {
    on_crash(out);
    for (const auto& [key, siblings] : main_store_.entries()) {
      for (const Version& v : siblings) {
        emit(out, version_record(self_, TraceKind::lost_on_wipe, kNoNode, key, v));
      }
    }
    main_store_.clear();
    lose_hints(TraceKind::lost_on_wipe, out);
    dot_counter_ = 0;  // the new incarnation's actor id keeps dots unique
    DT_ASSERT(main_store_.empty() && hints_.empty(), "data survived a wipe");
    DT_ASSERT(coordinator_.pending_states().empty(), "requests survived a wipe");
  }

  std::unique_ptr<Node> clone() const override { return std::make_unique<ModelNode>(*this); }

  void fingerprint(Hasher& h) const override {
    add_store(h, main_store_.entries());
    add_hints(h, hints_.snapshot());
    h.add_u64(dot_counter_);
    h.add_u64(next_id_);
    detector_.fingerprint(h);
    coordinator_.fingerprint(h);
    anti_entropy_.fingerprint(h);  // the Merkle trees are recomputed from the store
  }
  NodeState abstract_state() const override {
    NodeState state;
    state.node = self_;
    state.store = main_store_.entries();
    state.hints = hints_.snapshot();
    state.suspected = detector_.suspected();
    state.pending = coordinator_.pending_states();
    state.merkle_roots = merkle_roots();
    return state;
  }
  uint64_t comparison_digest() const override {
    refresh_store_digests();
    NodeStateDigest digest(self_);
    digest.store(store_digest_);
    hints_.add_to(digest);
    digest.suspected(detector_.suspected_digest());
    coordinator_.add_pending_to(digest);
    digest.roots(roots_digest_);
    return digest.value();
  }

 private:
  void handle(NodeId from, const StoreRequest& m, Effects& out) {
    DT_ASSERT(m.hint_for != self_, "hinted write addressed to its intended node");
    handle_store_request(self_, from, m, main_store_, hints_, config_.versioning, out);
  }
  void handle(NodeId from, const StoreAck& m, Effects& out) {
    coordinator_.on_store_ack(from, m, out);
  }
  void handle(NodeId from, const FetchRequest& m, Effects& out) {
    send(out, from, FetchReply{m.request_id, m.key, main_store_.get(m.key)});
  }
  void handle(NodeId from, const FetchReply& m, Effects& out) {
    coordinator_.on_fetch_reply(from, m, out);
  }
  void handle(NodeId from, const RepairWrite& m, Effects& out) {
    merge_into_main(self_, from, TraceKind::repaired, m.key, m.siblings, main_store_,
                    config_.versioning, out);
  }
  void handle(NodeId from, const HandoffOffer& m, Effects& out) {
    accept_handoff_offer(self_, from, m, main_store_, config_.versioning, out);
  }
  void handle(NodeId from, const HandoffAck& m, Effects& out) {
    accept_handoff_ack(self_, from, m, hints_, out);
  }
  void handle(NodeId from, const Probe& m, Effects& out) {
    send(out, from, ProbeReply{m.sequence});
  }
  void handle(NodeId /*from*/, const ProbeReply& /*m*/, Effects& /*out*/) {
    // observe() already trusted the sender; nothing else to do.
  }
  void handle(NodeId from, const MerkleCompare& m, Effects& out) {
    anti_entropy_.on_compare(from, m, main_store_, out);
  }
  void handle(NodeId from, const MerkleDiff& m, Effects& out) {
    anti_entropy_.on_diff(from, m, main_store_, out);
  }
  void handle(NodeId from, const MerkleLeafData& m, Effects& out) {
    anti_entropy_.on_leaf_data(from, m, main_store_, out);
  }

  // partition -> partition_root, recomputed whenever the store may have
  // changed since the last call (only a cache: lockstep asks after every event).
  const std::map<uint32_t, uint64_t>& merkle_roots() const {
    if (roots_valid_ && roots_generation_ == main_store_.generation()) return roots_;
    roots_.clear();
    for (uint32_t partition : home_partitions_) {
      roots_[partition] = partition_root(main_store_, config_, partition);
    }
    roots_generation_ = main_store_.generation();
    roots_valid_ = true;
    DT_ASSERT(roots_.size() == home_partitions_.size(), "a home partition without a root");
    return roots_;
  }

  // The store's and the roots' part of comparison_digest(), recomputed when
  // the store's generation moved.
  void refresh_store_digests() const {
    if (digests_valid_ && digests_generation_ == main_store_.generation()) return;
    const std::map<uint32_t, uint64_t>& roots = merkle_roots();
    RootsDigest roots_digest(roots.size());
    for (const auto& [partition, root] : roots) roots_digest.add(partition, root);
    roots_digest_ = roots_digest.value();
    store_digest_ = store_digest(main_store_.entries());
    digests_generation_ = main_store_.generation();
    digests_valid_ = true;
  }

  // Every hinted version: intended ascending, key ascending, canonical order.
  void lose_hints(TraceKind kind, Effects& out) {
    for (NodeId intended : hints_.intended_nodes()) {
      for (const HintedEntry& entry : hints_.entries_for(intended)) {
        emit(out, version_record(self_, kind, intended, entry.key, entry.version));
        if (kind == TraceKind::lost_on_crash) mark(out, CoverageMark::hint_lost_on_crash);
      }
    }
    hints_.clear();
    DT_ASSERT(hints_.empty(), "hints survived their loss");
  }

  const NodeId self_;
  const Config config_;
  const RingView ring_;
  // Durable: survives a crash, lost on a wipe (hints: per config.hint_store).
  VersionStore main_store_;
  HintStore hints_;
  uint64_t dot_counter_ = 0;
  // Never reset: ids stay unique across crashes and wipes, so a late message
  // from before a crash never matches a new request.
  uint64_t next_id_ = 1;
  // Volatile: lost on a crash.
  FailureDetector detector_;
  Coordinator coordinator_;
  AntiEntropy anti_entropy_;
  // Fixed by the config: the partitions this node is a home replica of.
  const std::vector<uint32_t> home_partitions_;
  // Cache for merkle_roots(), valid for store generation roots_generation_.
  mutable std::map<uint32_t, uint64_t> roots_;
  mutable uint64_t roots_generation_ = 0;
  mutable bool roots_valid_ = false;
  // Cache for refresh_store_digests(), valid for store generation digests_generation_.
  mutable uint64_t store_digest_ = 0;
  mutable uint64_t roots_digest_ = 0;
  mutable uint64_t digests_generation_ = 0;
  mutable bool digests_valid_ = false;
};

}  // namespace

std::unique_ptr<Node> make_model_node(NodeId self, const Config& config, const BugSet& /*bugs*/) {
  return std::make_unique<ModelNode>(self, config);
}

}  // namespace dt
