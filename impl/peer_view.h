// The impl's failure detector: suspected, awaited and always-probed peers as
// bitsets sized to the cluster, so is_suspected is one shift and a round
// walks ascending ids exactly like the model's std::set.
#pragma once

#include <cstdint>
#include <vector>

#include "core/hash.h"
#include "core/node.h"
#include "impl/node_bits.h"
#include "impl/placement.h"

namespace dt {

class PeerView {
 public:
  // `placement` gives the ring neighbours (probe_scope neighbors).
  PeerView(NodeId self, const Config& config, const Placement& placement);

  void probe_round(Effects& out);
  void on_probe_timeout(NodeId peer, Effects& out);
  // Any message from `from`: trust it, forget its awaited probe.
  void observe(NodeId from, Effects& out);
  void suspect(NodeId peer, Effects& out);

  bool is_suspected(NodeId node) const { return suspected_.test(node); }
  const NodeBits& suspected_set() const { return suspected_; }
  std::vector<NodeId> suspected() const;  // ascending
  // ids_digest(suspected()) without building the list: kept with the set,
  // which changes rarely, since lockstep reads it after every event.
  uint64_t suspected_digest() const { return suspected_digest_; }
  void reset();
  // Suspicions, awaited probes and the probe sequence (FingerprintedNode).
  void fingerprint(Hasher& h) const;

 private:
  // After every write to suspected_.
  void suspicion_changed();

  NodeId self_;
  uint32_t nodes_;
  TimeNs probe_timeout_ns_;
  uint64_t probe_sequence_ = 0;
  NodeBits suspected_;
  NodeBits awaiting_;
  NodeBits always_probed_;  // every other node, or the ring neighbours
  uint64_t suspected_digest_ = 0;  // of suspected_; suspicion_changed() renews it
};

}  // namespace dt
