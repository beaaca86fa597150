// Placement precomputed once at construction: the ring's partition owners,
// every partition's preference list, and for this node its home partitions
// and the anti-entropy (partition, peer) pairs. The extended list (the whole
// ring walk, homes then fallbacks) is walked lazily by a RingCursor instead of
// being stored: a request needs only its first few entries, and storing it
// would cost Q x nodes ids per node. The order (the order effects follow) is
// that of the model's ring walks.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

class Placement {
 public:
  // REQUIRES: valid config, replicas_n <= partitions_q.
  Placement(NodeId self, const Config& config);

  // The preference list, N long.
  std::span<const NodeId> homes(uint32_t partition) const;
  bool is_home(NodeId node, uint32_t partition) const;
  const std::vector<NodeId>& owners() const { return owners_; }
  const std::vector<uint32_t>& self_home_partitions() const { return self_home_partitions_; }
  // (partition, peer) for each home partition ascending, other homes in
  // preference-list order: the anti-entropy round-robin.
  const std::vector<std::pair<uint32_t, NodeId>>& exchange_pairs() const { return pairs_; }

 private:
  uint32_t replicas_n_;
  std::vector<NodeId> owners_;  // owner of each partition
  std::vector<NodeId> homes_;   // partition p's preference list at [p * N, p * N + N)
  std::vector<uint32_t> self_home_partitions_;
  std::vector<std::pair<uint32_t, NodeId>> pairs_;
};

// A partition's extended list, one node at a time: the owners met walking
// clockwise from the partition, each the first time it is met. The first N
// are the homes, the rest the fallback order.
class RingCursor {
 public:
  RingCursor(const Placement& placement, uint32_t partition);
  // The next node of the walk, or kNoNode once every ring node was given.
  NodeId next();

 private:
  const std::vector<NodeId>* owners_;
  uint32_t partition_;
  uint32_t step_ = 0;
  std::vector<NodeId> met_;
};

}  // namespace dt
