#include "impl/peer_view.h"

#include "core/assert.h"
#include "core/hash.h"
#include "impl/emit.h"

namespace dt {

namespace {
uint64_t bit(NodeId node) { return uint64_t{1} << node; }
}  // namespace

PeerView::PeerView(NodeId self, const Config& config)
    : self_(self), nodes_(config.nodes), probe_timeout_ns_(config.probe_timeout_ns) {
  DT_ASSERT(self < config.nodes && config.nodes <= 64, "peer view needs self < nodes <= 64");
  DT_ASSERT(probe_timeout_ns_ > 0, "zero probe timeout");
}

void PeerView::probe_round(Effects& out) {
  ++probe_sequence_;
  for (NodeId peer = 0; peer < nodes_; ++peer) {
    if (peer == self_) continue;
    impl_send(out, peer, Probe{probe_sequence_});
    awaiting_ |= bit(peer);
  }
  for (NodeId peer = 0; peer < nodes_; ++peer) {
    if (peer != self_) impl_arm(out, TimerKind::probe_timeout, peer, probe_timeout_ns_);
  }
  DT_ASSERT(!(awaiting_ & bit(self_)), "awaiting a probe reply from self");
}

void PeerView::on_probe_timeout(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_ && peer != self_, "probe timeout for self or an unknown node");
  if (awaiting_ & bit(peer)) {
    awaiting_ &= ~bit(peer);
    suspect(peer, out);
  }
  DT_ASSERT(!(awaiting_ & bit(peer)), "probe still awaited after its timeout");
}

void PeerView::observe(NodeId from, Effects& out) {
  DT_ASSERT(from < nodes_, "message from an unknown node");
  if (from == self_) return;
  awaiting_ &= ~bit(from);
  if (suspected_ & bit(from)) {
    suspected_ &= ~bit(from);
    out.trace.push_back(impl_record(self_, TraceKind::trusted, from));
  }
}

void PeerView::suspect(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_, "suspecting an unknown node");
  if (peer == self_ || is_suspected(peer)) return;
  suspected_ |= bit(peer);
  out.trace.push_back(impl_record(self_, TraceKind::suspected, peer));
  out.marks.push_back(CoverageMark::suspected_peer);
}

std::vector<NodeId> PeerView::suspected() const {
  std::vector<NodeId> nodes;
  for (uint64_t mask = suspected_; mask != 0; mask &= mask - 1) {
    nodes.push_back(static_cast<NodeId>(__builtin_ctzll(mask)));
  }
  return nodes;
}

void PeerView::fingerprint(Hasher& h) const {
  h.add_u64(probe_sequence_);
  h.add_u64(suspected_);
  h.add_u64(awaiting_);
}

void PeerView::reset() {
  suspected_ = 0;
  awaiting_ = 0;
  probe_sequence_ = 0;
}

}  // namespace dt
