// A node's local failure detector: the set of peers it believes down. Fed by
// probe rounds, probe timeouts, replica timeouts and every message received.
// It can be wrong both ways; a node never suspects itself.
#pragma once

#include <vector>

#include "core/hash.h"
#include "core/node.h"
#include "model/ring_view.h"

namespace dt {

class FailureDetector {
 public:
  FailureDetector(NodeId self, const Config& config);
  // With the node's ring view (copies share its table, so a node builds one).
  FailureDetector(NodeId self, const Config& config, const RingView& ring);

  // One probe round: Probe{seq} to every probed peer (ascending id) and one
  // probe_timeout timer per probed peer (ascending id, tag = peer). The
  // probed peers are every other node, or with probe_scope neighbors the
  // ring neighbours and the suspected nodes. The caller re-arms the periodic
  // probe timer.
  void probe_round(Effects& out);
  // The peer's probe was not answered in time: suspect it.
  void on_probe_timeout(NodeId peer, Effects& out);
  // Any message from `from` proves it up: trust it, clear its awaited probe.
  void observe(NodeId from, Effects& out);
  // Believe `peer` down (no-op for self or an already suspected peer).
  void suspect(NodeId peer, Effects& out);

  bool is_suspected(NodeId node) const { return node < nodes_ && suspected_[node]; }
  std::vector<NodeId> suspected() const;  // ascending
  // ids_digest(suspected()) without building the list: kept with the set,
  // which changes rarely, since lockstep reads it after every event.
  uint64_t suspected_digest() const { return suspected_digest_; }
  // Suspicions, awaited probes and the probe sequence (FingerprintedNode).
  void fingerprint(Hasher& h) const;
  // A crash forgets everything: all peers trusted, no probe awaited.
  void reset();

 private:
  // After every write to suspected_.
  void suspicion_changed();

  NodeId self_;
  uint32_t nodes_;
  TimeNs probe_timeout_ns_;
  uint64_t probe_sequence_ = 0;
  // Both indexed by node id: a cluster has a few nodes, and a flag costs no
  // allocation per insert (probes flip them many times a second).
  std::vector<bool> suspected_;
  std::vector<bool> awaiting_reply_;  // probed since the last message from them
  uint64_t suspected_digest_ = 0;     // of suspected_; suspicion_changed() renews it
  ProbeScope probe_scope_;
  // probe_scope neighbors: the other homes of this node's home partitions,
  // ascending (fixed by the config). Empty under probe_scope all.
  std::vector<NodeId> neighbors_;
};

}  // namespace dt
