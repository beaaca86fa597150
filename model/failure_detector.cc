#include "model/failure_detector.h"

#include "core/assert.h"
#include "core/hash.h"
#include "model/records.h"
#include "model/ring_view.h"

namespace dt {

FailureDetector::FailureDetector(NodeId self, const Config& config)
    : self_(self), nodes_(config.nodes), probe_timeout_ns_(config.probe_timeout_ns) {
  DT_ASSERT(self < config.nodes, "failure detector for a node outside the cluster");
  DT_ASSERT(probe_timeout_ns_ > 0, "zero probe timeout");
  if (config.probe_scope == ProbeScope::all) {
    for (NodeId peer = 0; peer < nodes_; ++peer) {
      if (peer != self_) always_probed_.insert(peer);
    }
  } else {
    const RingView ring(config);
    for (uint32_t partition : ring.home_partitions(self_)) {
      for (NodeId peer : ring.partition_homes(partition)) {
        if (peer != self_) always_probed_.insert(peer);
      }
    }
  }
  DT_ASSERT(!always_probed_.count(self_), "a node probes itself");
}

void FailureDetector::probe_round(Effects& out) {
  ++probe_sequence_;
  std::set<NodeId> probed = always_probed_;
  probed.insert(suspected_.begin(), suspected_.end());
  for (NodeId peer : probed) {
    send(out, peer, Probe{probe_sequence_});
    awaiting_reply_.insert(peer);
  }
  for (NodeId peer : probed) arm(out, TimerKind::probe_timeout, peer, probe_timeout_ns_);
  DT_ASSERT(awaiting_reply_.size() <= nodes_ - 1, "awaiting a probe reply from self");
}

void FailureDetector::on_probe_timeout(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_ && peer != self_, "probe timeout for self or an unknown node");
  if (awaiting_reply_.erase(peer) > 0) suspect(peer, out);
  DT_ASSERT(!awaiting_reply_.count(peer), "probe still awaited after its timeout");
}

void FailureDetector::observe(NodeId from, Effects& out) {
  DT_ASSERT(from < nodes_, "message from an unknown node");
  if (from == self_) return;
  awaiting_reply_.erase(from);
  if (suspected_.erase(from) > 0) emit(out, make_record(self_, TraceKind::trusted, from));
  DT_ASSERT(!is_suspected(from), "peer still suspected after a message from it");
}

void FailureDetector::suspect(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_, "suspecting an unknown node");
  if (peer == self_ || is_suspected(peer)) return;
  suspected_.insert(peer);
  emit(out, make_record(self_, TraceKind::suspected, peer));
  mark(out, CoverageMark::suspected_peer);
}

std::vector<NodeId> FailureDetector::suspected() const {
  return std::vector<NodeId>(suspected_.begin(), suspected_.end());
}

void FailureDetector::fingerprint(Hasher& h) const {
  h.add_u64(probe_sequence_);
  h.add_u64(suspected_.size());
  for (NodeId n : suspected_) h.add_u64(n);
  h.add_u64(awaiting_reply_.size());
  for (NodeId n : awaiting_reply_) h.add_u64(n);
}

void FailureDetector::reset() {
  suspected_.clear();
  awaiting_reply_.clear();
  probe_sequence_ = 0;
}

}  // namespace dt
