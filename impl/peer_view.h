// The impl's failure detector: suspected and awaited peers as 64-bit masks
// (nodes <= 64), so is_suspected is one shift and a round walks ascending
// ids exactly like the model's std::set.
#pragma once

#include <cstdint>
#include <vector>

#include "core/hash.h"
#include "core/node.h"

namespace dt {

class PeerView {
 public:
  PeerView(NodeId self, const Config& config);

  void probe_round(Effects& out);
  void on_probe_timeout(NodeId peer, Effects& out);
  // Any message from `from`: trust it, forget its awaited probe.
  void observe(NodeId from, Effects& out);
  void suspect(NodeId peer, Effects& out);

  bool is_suspected(NodeId node) const { return (suspected_ >> node) & 1; }
  uint64_t suspected_mask() const { return suspected_; }
  std::vector<NodeId> suspected() const;  // ascending
  void reset();
  // Suspicions, awaited probes and the probe sequence (FingerprintedNode).
  void fingerprint(Hasher& h) const;

 private:
  NodeId self_;
  uint32_t nodes_;
  TimeNs probe_timeout_ns_;
  uint64_t probe_sequence_ = 0;
  uint64_t suspected_ = 0;
  uint64_t awaiting_ = 0;
};

}  // namespace dt
