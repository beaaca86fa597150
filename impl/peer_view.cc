#include "impl/peer_view.h"

#include "core/assert.h"
#include "core/hash.h"
#include "core/state_digest.h"
#include "impl/emit.h"

namespace dt {

PeerView::PeerView(NodeId self, const Config& config, const Placement& placement)
    : self_(self),
      nodes_(config.nodes),
      probe_timeout_ns_(config.probe_timeout_ns),
      suspected_(config.nodes),
      awaiting_(config.nodes),
      always_probed_(config.nodes) {
  DT_ASSERT(self < config.nodes, "peer view needs self < nodes");
  DT_ASSERT(probe_timeout_ns_ > 0, "zero probe timeout");
  if (config.probe_scope == ProbeScope::all) {
    for (NodeId peer = 0; peer < nodes_; ++peer) {
      if (peer != self_) always_probed_.set(peer);
    }
  } else {
    // The anti-entropy pairs name exactly the nodes sharing a preference list.
    for (const auto& [partition, peer] : placement.exchange_pairs()) always_probed_.set(peer);
  }
  DT_ASSERT(!always_probed_.test(self_), "a node probes itself");
  suspicion_changed();
}

void PeerView::probe_round(Effects& out) {
  ++probe_sequence_;
  always_probed_.for_each_in_union(suspected_, [&](NodeId peer) {
    impl_send(out, peer, Probe{probe_sequence_});
    awaiting_.set(peer);
  });
  always_probed_.for_each_in_union(suspected_, [&](NodeId peer) {
    impl_arm(out, TimerKind::probe_timeout, peer, probe_timeout_ns_);
  });
  DT_ASSERT(!awaiting_.test(self_), "awaiting a probe reply from self");
}

void PeerView::on_probe_timeout(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_ && peer != self_, "probe timeout for self or an unknown node");
  if (awaiting_.test(peer)) {
    awaiting_.reset(peer);
    suspect(peer, out);
  }
  DT_ASSERT(!awaiting_.test(peer), "probe still awaited after its timeout");
}

void PeerView::observe(NodeId from, Effects& out) {
  DT_ASSERT(from < nodes_, "message from an unknown node");
  if (from == self_) return;
  awaiting_.reset(from);
  if (suspected_.test(from)) {
    suspected_.reset(from);
    suspicion_changed();
    out.trace.push_back(impl_record(self_, TraceKind::trusted, from));
  }
}

void PeerView::suspect(NodeId peer, Effects& out) {
  DT_ASSERT(peer < nodes_, "suspecting an unknown node");
  if (peer == self_ || is_suspected(peer)) return;
  suspected_.set(peer);
  suspicion_changed();
  out.trace.push_back(impl_record(self_, TraceKind::suspected, peer));
  out.marks.push_back(CoverageMark::suspected_peer);
}

void PeerView::suspicion_changed() {
  IdsDigest digest(suspected_.count());
  suspected_.for_each([&](NodeId node) { digest.add(node); });
  suspected_digest_ = digest.value();
}

std::vector<NodeId> PeerView::suspected() const {
  std::vector<NodeId> nodes;
  suspected_.for_each([&](NodeId node) { nodes.push_back(node); });
  return nodes;
}

void PeerView::fingerprint(Hasher& h) const {
  h.add_u64(probe_sequence_);
  suspected_.fingerprint(h);
  awaiting_.fingerprint(h);
}

void PeerView::reset() {
  suspected_.clear();
  suspicion_changed();
  awaiting_.clear();
  probe_sequence_ = 0;
}

}  // namespace dt
