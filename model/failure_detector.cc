#include "model/failure_detector.h"

#include <algorithm>

#include "core/assert.h"
#include "core/hash.h"
#include "core/state_digest.h"
#include "model/records.h"
#include "model/ring_view.h"

namespace dt {

FailureDetector::FailureDetector(NodeId self, const Config& config)
    : FailureDetector(self, config, RingView(config)) {}

FailureDetector::FailureDetector(NodeId self, const Config& config, const RingView& ring)
    : self_(self),
      nodes_(config.nodes),
      probe_timeout_ns_(config.probe_timeout_ns),
      suspected_(config.nodes, false),
      awaiting_reply_(config.nodes, false),
      probe_scope_(config.probe_scope) {
  DT_ASSERT(self < config.nodes, "failure detector for a node outside the cluster");
  DT_ASSERT(probe_timeout_ns_ > 0, "zero probe timeout");
  suspicion_changed();
  if (probe_scope_ == ProbeScope::neighbors) {
    std::vector<bool> neighbor(nodes_, false);
    for (uint32_t partition : ring.home_partitions(self_)) {
      for (NodeId peer : ring.partition_homes(partition)) neighbor[peer] = peer != self_;
    }
    for (NodeId peer = 0; peer < nodes_; ++peer) {
      if (neighbor[peer]) neighbors_.push_back(peer);
    }
  }
}

namespace {

// The ids whose flag is set, ascending.
std::vector<NodeId> ids_of(const std::vector<bool>& flags) {
  std::vector<NodeId> ids;
  for (NodeId n = 0; n < flags.size(); ++n) {
    if (flags[n]) ids.push_back(n);
  }
  return ids;
}

}  // namespace

void FailureDetector::probe_round(Effects& out) {
  ++probe_sequence_;
  std::vector<NodeId> probed;
  for (NodeId peer = 0; peer < nodes_; ++peer) {
    if (peer == self_) continue;
    const bool always = probe_scope_ == ProbeScope::all ||
                        std::binary_search(neighbors_.begin(), neighbors_.end(), peer);
    if (always || suspected_[peer]) probed.push_back(peer);
  }
  for (NodeId peer : probed) {
    send(out, peer, Probe{probe_sequence_});
    awaiting_reply_[peer] = true;
  }
  for (NodeId peer : probed) arm(out, TimerKind::probe_timeout, peer, probe_timeout_ns_);
  DT_ASSERT(!awaiting_reply_[self_], "awaiting a probe reply from self");
}

void FailureDetector::on_probe_timeout(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_ && peer != self_, "probe timeout for self or an unknown node");
  if (awaiting_reply_[peer]) {
    awaiting_reply_[peer] = false;
    suspect(peer, out);
  }
  DT_ASSERT(!awaiting_reply_[peer], "probe still awaited after its timeout");
}

void FailureDetector::observe(NodeId from, Effects& out) {
  DT_ASSERT(from < nodes_, "message from an unknown node");
  if (from == self_) return;
  awaiting_reply_[from] = false;
  if (suspected_[from]) {
    suspected_[from] = false;
    suspicion_changed();
    emit(out, make_record(self_, TraceKind::trusted, from));
  }
  DT_ASSERT(!is_suspected(from), "peer still suspected after a message from it");
}

void FailureDetector::suspect(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_, "suspecting an unknown node");
  if (peer == self_ || is_suspected(peer)) return;
  suspected_[peer] = true;
  suspicion_changed();
  emit(out, make_record(self_, TraceKind::suspected, peer));
  mark(out, CoverageMark::suspected_peer);
}

void FailureDetector::suspicion_changed() {
  IdsDigest digest(static_cast<size_t>(std::count(suspected_.begin(), suspected_.end(), true)));
  for (NodeId n = 0; n < suspected_.size(); ++n) {
    if (suspected_[n]) digest.add(n);
  }
  suspected_digest_ = digest.value();
}

std::vector<NodeId> FailureDetector::suspected() const {
  return ids_of(suspected_);
}

void FailureDetector::fingerprint(Hasher& h) const {
  h.add_u64(probe_sequence_);
  for (const std::vector<bool>* flags : {&suspected_, &awaiting_reply_}) {
    const std::vector<NodeId> ids = ids_of(*flags);
    h.add_u64(ids.size());
    for (NodeId n : ids) h.add_u64(n);
  }
}

void FailureDetector::reset() {
  suspected_.assign(nodes_, false);
  suspicion_changed();
  awaiting_reply_.assign(nodes_, false);
  probe_sequence_ = 0;
}

}  // namespace dt
