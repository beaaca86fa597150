// Merkle anti-entropy. Each round this node (the initiator) picks one
// (partition, peer) pair round-robin among the partitions it is home for and
// their other home replicas, then walks the two trees top-down over messages:
//   MerkleCompare(level, nodes, hashes) -> MerkleDiff(level, differing)
//   ... down to the leaves ...
//   MerkleLeafData(leaves, initiator's keys) -> MerkleLeafData(reply,
//   responder's keys); both sides merge what they receive.
// The responder is stateless: it answers each message from a fresh tree.
#pragma once

#include <cstdint>
#include <optional>

#include "core/hash.h"
#include "core/node.h"
#include "model/failure_detector.h"
#include "model/ring_view.h"
#include "model/store.h"

namespace dt {

class AntiEntropy {
 public:
  AntiEntropy(NodeId self, const Config& config);
  // With the node's ring view (copies share its table, so a node builds one).
  AntiEntropy(NodeId self, const Config& config, const RingView& ring);

  // Abandons any unfinished exchange and starts this round's one. The caller
  // re-arms the periodic anti_entropy timer.
  void start_round(const VersionStore& main_store, const FailureDetector& detector,
                   uint64_t& next_id, Effects& out);
  void on_compare(NodeId from, const MerkleCompare& compare, const VersionStore& main_store,
                  Effects& out);
  void on_diff(NodeId from, const MerkleDiff& diff, const VersionStore& main_store, Effects& out);
  void on_leaf_data(NodeId from, const MerkleLeafData& data, VersionStore& main_store,
                    Effects& out);

  // The round counter and the exchange in flight (FingerprintedNode).
  void fingerprint(Hasher& h) const;
  // A crash forgets the exchange in flight and the round counter.
  void reset();

 private:
  struct Exchange {
    RequestId exchange_id = 0;
    uint32_t partition = 0;
    NodeId peer = kNoNode;
    uint64_t comparisons = 0;       // hashes compared below the root
    uint64_t keys_transferred = 0;  // keys sent plus keys received
  };

  bool is_current(NodeId from, RequestId exchange_id, uint32_t partition) const;
  void finish(Effects& out);

  NodeId self_;
  Config config_;
  RingView ring_;
  uint64_t round_ = 0;
  std::optional<Exchange> current_;
};

}  // namespace dt
