#include "impl/impl_node.h"

#include <utility>
#include <variant>

#include "core/assert.h"
#include "core/state_digest.h"
#include "core/state_fingerprint.h"
#include "core/ring.h"
#include "impl/emit.h"
#include "impl/hint_index.h"
#include "impl/impl_anti_entropy.h"
#include "impl/impl_bugs.h"
#include "impl/impl_coordinator.h"
#include "impl/main_store.h"
#include "impl/peer_view.h"
#include "impl/placement.h"

namespace dt {

namespace {

// Bug zoo (sibling_drop_on_merge): `incoming` is concurrent with a stored version.
bool concurrent_with_stored(const Siblings& stored, const Version& incoming) {
  DT_ASSERT(incoming.dot.counter > 0, "a version without a dot");
  for (const Version& v : stored) {
    if (compare(v, incoming) == Order::concurrent) return true;
  }
  return false;
}

// Bug zoo (fetch_hides_tombstones): the siblings without their tombstones.
Siblings without_tombstones(const Siblings& siblings) {
  Siblings kept;
  for (const Version& v : siblings) {
    if (!v.tombstone) kept.push_back(v);
  }
  DT_ASSERT(kept.size() <= siblings.size(), "filtering added versions");
  return kept;
}

class ImplNode final : public Node, public FingerprintedNode {
 public:
  ImplNode(NodeId self, const Config& config, const BugSet& bugs)
      : self_(self),
        config_(config),
        bugs_(resolve_impl_bugs(bugs)),
        placement_(self, config),
        store_(config),
        hints_(config.nodes),
        peers_(self, config, placement_),
        coordinator_(self, config, placement_, bugs_),
        anti_entropy_(self, config, placement_) {
    DT_ASSERT(config.validate().is_ok(), "impl node built from an invalid config");
    DT_ASSERT(self < config.nodes, "impl node id outside the cluster");
    store_.set_merge_skips_tree(bugs_.merkle_leaf_not_updated_on_repair);
    store_.set_dot_collisions(collisions());
    if (bugs_.last_partition_not_in_tree) anti_entropy_.skip_partition(config.partitions_q - 1);
  }

  void on_start(const NodeClock& /*clock*/, Effects& out) override {
    impl_arm(out, TimerKind::probe, 0, config_.probe_interval_ns);
    impl_arm(out, TimerKind::handoff, 0, config_.handoff_interval_ns);
    impl_arm(out, TimerKind::anti_entropy, 0, config_.anti_entropy_interval_ns);
  }

  void on_client_request(const NodeClock& clock, const ClientRequest& request,
                         Effects& out) override {
    // Bug zoo (request_ids_reset_on_crash): ids from a counter a crash resets.
    const RequestId id =
        bugs_.request_ids_reset_on_crash ? next_volatile_request_id_++ : next_id_++;
    coordinator_.start(clock, request, id, dot_counter_, peers_, out);
  }

  void on_message(const NodeClock& /*clock*/, NodeId from, const Message& message,
                  Effects& out) override {
    DT_ASSERT(from < config_.nodes, "message from outside the cluster");
    // Bug zoo (suspicion_never_cleared): a suspected peer's messages do not clear it.
    if (!(bugs_.suspicion_never_cleared && peers_.is_suspected(from))) peers_.observe(from, out);
    std::visit([&](const auto& m) { handle(from, m, out); }, message);
  }

  void on_timer(const NodeClock& /*clock*/, TimerKind kind, uint64_t tag, Effects& out) override;
  void on_crash(Effects& out) override;
  void on_wipe(Effects& out) override;
  NodeState abstract_state() const override;
  uint64_t comparison_digest() const override;
  void fingerprint(Hasher& h) const override;
  std::unique_ptr<Node> clone() const override {
    auto copy = std::make_unique<ImplNode>(*this);
    // The parts that point at the placement must point at the copy's.
    copy->coordinator_.rebind(copy->placement_);
    copy->anti_entropy_.rebind(copy->placement_);
    return copy;
  }

 private:
  DotCollision collisions() const {
    return bugs_.vclock_reset_after_wipe ? DotCollision::keep_incoming
                                         : DotCollision::impossible;
  }
  void handle(NodeId from, const StoreRequest& m, Effects& out);
  void handle(NodeId from, const StoreAck& m, Effects& out) {
    coordinator_.on_store_ack(from, m, out);
  }
  void handle(NodeId from, const FetchRequest& m, Effects& out) {
    if (bugs_.fetch_hides_tombstones) {
      impl_send(out, from, FetchReply{m.request_id, m.key, without_tombstones(store_.get(m.key))});
      return;
    }
    impl_send(out, from, FetchReply{m.request_id, m.key, store_.get(m.key)});
  }
  void handle(NodeId from, const FetchReply& m, Effects& out) {
    coordinator_.on_fetch_reply(from, m, out);
  }
  void handle(NodeId from, const RepairWrite& m, Effects& out) {
    store_.merge(m.key, m.siblings, merge_);
    report_main_merge(from, TraceKind::repaired, m.key, out);
  }
  void handle(NodeId from, const HandoffOffer& m, Effects& out);
  void handle(NodeId from, const HandoffAck& m, Effects& out);
  void handle(NodeId from, const Probe& m, Effects& out) {
    impl_send(out, from, ProbeReply{m.sequence});
  }
  void handle(NodeId /*from*/, const ProbeReply& /*m*/, Effects& /*out*/) {}
  void handle(NodeId from, const MerkleCompare& m, Effects& out) {
    anti_entropy_.on_compare(from, m, store_, out);
  }
  void handle(NodeId from, const MerkleDiff& m, Effects& out) {
    anti_entropy_.on_diff(from, m, store_, out);
  }
  void handle(NodeId from, const MerkleLeafData& m, Effects& out);

  // Trace + marks for the main-store merge just done (merge_).
  void report_main_merge(NodeId from, TraceKind kind, Key key, Effects& out);
  void handoff_round(Effects& out);
  // Bug zoo: deletes the hints of `entries` still held for `intended`.
  void drop_hints(NodeId intended, const std::vector<HintedEntry>& entries, Effects& out);
  void lose_hints(TraceKind kind, Effects& out);

  const NodeId self_;
  const Config config_;
  const ImplBugs bugs_;
  const Placement placement_;
  // Durable: survives a crash, lost on a wipe (hints: per config.hint_store).
  MainStore store_;
  HintIndex hints_;
  uint64_t dot_counter_ = 0;
  uint64_t next_id_ = 1;  // never reset
  // Volatile.
  uint64_t next_volatile_request_id_ = 1;  // bug zoo only (request_ids_reset_on_crash)
  PeerView peers_;
  ImplCoordinator coordinator_;
  ImplAntiEntropy anti_entropy_;
  SiblingMerge merge_;  // reused by every merge: no per-message allocation once warm
  // Bug zoo (failed_handoff_drops_hint): the previous round's offers.
  std::vector<std::pair<NodeId, std::vector<HintedEntry>>> unacked_offers_;
  // comparison_digest()'s store and roots parts, valid for store generation
  // digests_generation_.
  mutable uint64_t store_digest_ = 0;
  mutable uint64_t roots_digest_ = 0;
  mutable uint64_t digests_generation_ = 0;
  mutable bool digests_valid_ = false;
};

void ImplNode::on_timer(const NodeClock& /*clock*/, TimerKind kind, uint64_t tag, Effects& out) {
  switch (kind) {
    case TimerKind::probe:
      peers_.probe_round(out);
      impl_arm(out, TimerKind::probe, 0, config_.probe_interval_ns);
      return;
    case TimerKind::probe_timeout:
      peers_.on_probe_timeout(static_cast<NodeId>(tag), out);
      return;
    case TimerKind::replica_timeout:
      coordinator_.on_replica_timeout(tag, peers_, out);
      return;
    case TimerKind::request_deadline:
      coordinator_.on_deadline(tag, out);
      return;
    case TimerKind::handoff:
      handoff_round(out);
      impl_arm(out, TimerKind::handoff, 0, config_.handoff_interval_ns);
      return;
    case TimerKind::anti_entropy:
      // Bug zoo (no_anti_entropy): the round never runs.
      if (!bugs_.no_anti_entropy) anti_entropy_.start_round(store_, peers_, next_id_, out);
      impl_arm(out, TimerKind::anti_entropy, 0, config_.anti_entropy_interval_ns);
      return;
  }
  DT_ASSERT(false, "unknown timer kind");
}

void ImplNode::report_main_merge(NodeId from, TraceKind kind, Key key, Effects& out) {
  if (out.trace_wanted) {
    for (const Version* v : merge_.newly_stored) {
      out.trace.push_back(impl_version_record(self_, kind, from, key, *v));
    }
    for (const DroppedVersion& gone : merge_.dropped) {
      out.trace.push_back(dropped_record(self_, TraceKind::superseded, kNoNode, key, gone));
    }
  }
  if (merge_.sibling_created) out.marks.push_back(CoverageMark::sibling_created);
  if (merge_.lww_overwrite) out.marks.push_back(CoverageMark::lww_overwrite);
  for (const Version* v : merge_.newly_stored) {
    if (v->tombstone) out.marks.push_back(CoverageMark::tombstone_stored);
  }
}

void ImplNode::handle(NodeId from, const StoreRequest& m, Effects& out) {
  DT_ASSERT(m.hint_for != self_, "hinted write addressed to its intended node");
  DT_ASSERT(m.version.dot.counter > 0, "store request without a dot");
  if (m.hint_for != kNoNode && !bugs_.hint_stored_as_owned) {
    hints_.add(m.hint_for, m.key, m.version, config_.versioning, merge_, collisions());
    if (out.trace_wanted) {
      for (const Version* v : merge_.newly_stored) {
        TraceRecord record = impl_version_record(self_, TraceKind::hinted, m.hint_for, m.key, *v);
        record.extra = from;
        out.trace.push_back(std::move(record));
      }
      for (const DroppedVersion& gone : merge_.dropped) {
        out.trace.push_back(
            dropped_record(self_, TraceKind::hint_superseded, m.hint_for, m.key, gone));
      }
    }
    if (merge_.sibling_created) out.marks.push_back(CoverageMark::sibling_created);
    if (merge_.lww_overwrite) out.marks.push_back(CoverageMark::lww_overwrite);
    for (size_t i = 0; i < merge_.newly_stored.size(); ++i) {
      out.marks.push_back(CoverageMark::hint_stored);
    }
  } else if (bugs_.sibling_drop_on_merge && concurrent_with_stored(store_.get(m.key), m.version)) {
    // Bug zoo: the concurrent write is dropped, yet acknowledged below.
  } else {
    store_.merge_one(m.key, m.version, merge_);
    report_main_merge(from, TraceKind::stored, m.key, out);
  }
  impl_send(out, from, StoreAck{m.request_id, m.key});
}

void ImplNode::handle(NodeId from, const HandoffOffer& m, Effects& out) {
  DT_ASSERT(from != self_, "handoff offer from itself");
  for (const HintedEntry& entry : m.entries) {
    store_.merge_one(entry.key, entry.version, merge_);
    report_main_merge(from, TraceKind::handed_off, entry.key, out);
    for (size_t i = 0; i < merge_.newly_stored.size(); ++i) {
      out.marks.push_back(CoverageMark::hint_handed_off);
    }
    // Acked without storing: recorded at send time (the ack's honesty is
    // judged on the state it was made in).
    if (merge_.newly_stored.empty()) {
      out.trace.push_back(
          impl_version_record(self_, TraceKind::handoff_covered, from, entry.key, entry.version));
    }
  }
  impl_send(out, from, HandoffAck{m.batch_id, m.entries});
}

void ImplNode::handle(NodeId from, const HandoffAck& m, Effects& out) {
  DT_ASSERT(from != self_, "handoff ack from itself");
  for (const HintedEntry& entry : m.stored) {
    if (!hints_.remove(from, entry.key, entry.version.dot)) continue;
    out.trace.push_back(
        impl_version_record(self_, TraceKind::hint_deleted, from, entry.key, entry.version));
  }
}

void ImplNode::handle(NodeId from, const MerkleLeafData& m, Effects& out) {
  anti_entropy_.on_leaf_data(from, m, store_, out, [&](const MerkleLeafData& data) {
    for (const KeyData& entry : data.data) {
      DT_ASSERT(!entry.siblings.empty(), "leaf data for a key without versions");
      DT_ASSERT(partition_of(entry.key, config_.partitions_q) == data.partition,
                "leaf data for a key of another partition");
      store_.merge(entry.key, entry.siblings, merge_);
      report_main_merge(from, TraceKind::anti_entropy_stored, entry.key, out);
    }
  });
}

// Intended nodes ascending (the hint set's bit order), suspected ones skipped.
void ImplNode::handoff_round(Effects& out) {
  for (const auto& [intended, entries] : unacked_offers_) drop_hints(intended, entries, out);
  unacked_offers_.clear();
  if (bugs_.no_hinted_handoff) return;  // Bug zoo: hints are kept, never offered.
  // Collected first: the bug zoo's early deletes change the hint set.
  std::vector<NodeId> offer_to;
  hints_.intended_set().for_each_not_in(peers_.suspected_set(),
                                        [&](NodeId intended) { offer_to.push_back(intended); });
  for (NodeId intended : offer_to) {
    DT_ASSERT(intended != self_, "holding hints for itself");
    std::vector<HintedEntry> entries = hints_.entries_for(intended);
    if (bugs_.handoff_skips_tombstones) {
      std::erase_if(entries, [](const HintedEntry& e) { return e.version.tombstone; });
      if (entries.empty()) continue;
    }
    if (bugs_.failed_handoff_drops_hint) unacked_offers_.emplace_back(intended, entries);
    if (bugs_.hint_deleted_before_ack) drop_hints(intended, entries, out);
    HandoffOffer offer{next_id_++, std::move(entries)};
    DT_ASSERT(!offer.entries.empty(), "empty handoff offer");
    TraceRecord offered = impl_record(self_, TraceKind::handoff_offered, intended);
    offered.count = offer.entries.size();
    out.trace.push_back(std::move(offered));
    impl_send(out, intended, std::move(offer));
  }
}

void ImplNode::drop_hints(NodeId intended, const std::vector<HintedEntry>& entries,
                          Effects& out) {
  DT_ASSERT(intended != self_, "dropping hints for itself");
  for (const HintedEntry& entry : entries) {
    if (!hints_.remove(intended, entry.key, entry.version.dot)) continue;
    out.trace.push_back(
        impl_version_record(self_, TraceKind::hint_deleted, intended, entry.key, entry.version));
  }
}

void ImplNode::lose_hints(TraceKind kind, Effects& out) {
  for (NodeId intended : hints_.intended_nodes()) {
    for (const HintedEntry& entry : hints_.entries_for(intended)) {
      out.trace.push_back(impl_version_record(self_, kind, intended, entry.key, entry.version));
      if (kind == TraceKind::lost_on_crash) out.marks.push_back(CoverageMark::hint_lost_on_crash);
    }
  }
  hints_.clear();
  DT_ASSERT(hints_.empty(), "hints survived their loss");
}

void ImplNode::on_crash(Effects& out) {
  peers_.reset();
  coordinator_.reset();
  anti_entropy_.reset();
  unacked_offers_.clear();
  next_volatile_request_id_ = 1;
  if (config_.hint_store == HintStoreMode::volatile_) lose_hints(TraceKind::lost_on_crash, out);
}

void ImplNode::on_wipe(Effects& out) {
  on_crash(out);
  for (Key key : store_.sorted_keys()) {
    for (const Version& v : store_.get(key)) {
      out.trace.push_back(impl_version_record(self_, TraceKind::lost_on_wipe, kNoNode, key, v));
    }
  }
  store_.clear();
  lose_hints(TraceKind::lost_on_wipe, out);
  dot_counter_ = 0;
  DT_ASSERT(store_.empty() && hints_.empty(), "data survived a wipe");
  DT_ASSERT(coordinator_.pending_states().empty(), "requests survived a wipe");
}

void ImplNode::fingerprint(Hasher& h) const {
  add_store(h, store_.snapshot());
  // The trees, not only the store: a zoo bug can leave them out of step.
  for (uint32_t partition : placement_.self_home_partitions()) h.add_u64(store_.root(partition));
  add_hints(h, hints_.snapshot());
  h.add_u64(dot_counter_);
  h.add_u64(next_id_);
  if (bugs_.request_ids_reset_on_crash) h.add_u64(next_volatile_request_id_);
  peers_.fingerprint(h);
  coordinator_.fingerprint(h);
  anti_entropy_.fingerprint(h);
  h.add_u64(unacked_offers_.size());
  for (const auto& [intended, entries] : unacked_offers_) {
    h.add_u64(intended);
    h.add_u64(entries.size());
    for (const HintedEntry& e : entries) {
      h.add_u64(e.key);
      add_version(h, e.version);
    }
  }
}

NodeState ImplNode::abstract_state() const {
  NodeState state;
  state.node = self_;
  state.store = store_.snapshot();
  state.hints = hints_.snapshot();
  state.suspected = peers_.suspected();
  state.pending = coordinator_.pending_states();
  // Partitions come ascending: append at the map's end.
  for (uint32_t partition : placement_.self_home_partitions()) {
    state.merkle_roots.emplace_hint(state.merkle_roots.end(), partition, store_.root(partition));
  }
  return state;
}

uint64_t ImplNode::comparison_digest() const {
  if (!digests_valid_ || digests_generation_ != store_.generation()) {
    const std::vector<uint32_t>& partitions = placement_.self_home_partitions();
    RootsDigest roots(partitions.size());
    for (uint32_t partition : partitions) roots.add(partition, store_.root(partition));
    roots_digest_ = roots.value();
    store_digest_ = store_.digest();
    digests_generation_ = store_.generation();
    digests_valid_ = true;
  }
  NodeStateDigest digest(self_);
  digest.store(store_digest_);
  hints_.add_to(digest);
  digest.suspected(peers_.suspected_digest());
  coordinator_.add_pending_to(digest);
  digest.roots(roots_digest_);
  return digest.value();
}

}  // namespace

std::unique_ptr<Node> make_impl_node(NodeId self, const Config& config, const BugSet& bugs) {
  return std::make_unique<ImplNode>(self, config, bugs);
}

}  // namespace dt
