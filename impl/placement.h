// Placement precomputed once at construction: the ring's partition owners,
// every partition's preference list, and for this node its home partitions
// and the anti-entropy (partition, peer) pairs. The extended list (the whole
// ring walk, homes then fallbacks) is walked lazily by a RingCursor instead of
// being stored: a request needs only its first few entries, and storing it
// would cost Q x nodes ids per node. The order (the order effects follow) is
// that of the model's ring walks.
//
// The owners and preference lists depend only on (nodes, Q, N), so the nodes
// of a cluster share one immutable table (and a clone copies none): built
// per node, a 1000-node ring cost 16 MB of tables that every request read
// from a cold copy.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
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
  const std::vector<NodeId>& owners() const { return table_->owners; }
  const std::vector<uint32_t>& self_home_partitions() const { return self_home_partitions_; }
  // (partition, peer) for each home partition ascending, other homes in
  // preference-list order: the anti-entropy round-robin.
  const std::vector<std::pair<uint32_t, NodeId>>& exchange_pairs() const { return pairs_; }

 private:
  struct Table {
    uint32_t nodes = 0;
    uint32_t replicas_n = 0;
    std::vector<NodeId> owners;  // owner of each partition
    std::vector<NodeId> homes;   // partition p's preference list at [p * N, p * N + N)
  };
  // The table of (nodes, Q, N): the one a live Placement already holds, or
  // a new one. Thread-safe (campaign workers build clusters side by side).
  static std::shared_ptr<const Table> shared_table(const Config& config);
  static std::shared_ptr<const Table> build_table(const Config& config);

  std::shared_ptr<const Table> table_;
  std::vector<uint32_t> self_home_partitions_;
  std::vector<std::pair<uint32_t, NodeId>> pairs_;
};

// A partition's extended list, one node at a time: the owners met walking
// clockwise from the partition, each the first time it is met. The first N
// are the homes, the rest the fallback order.
class RingCursor {
 public:
  RingCursor(const std::vector<NodeId>& owners, uint32_t partition);
  RingCursor(const Placement& placement, uint32_t partition)
      : RingCursor(placement.owners(), partition) {}
  // The next node of the walk, or kNoNode once every ring node was given.
  NodeId next();

 private:
  bool met(NodeId node) const;

  const std::vector<NodeId>* owners_;
  uint32_t partition_;
  uint32_t step_ = 0;
  // Nodes given so far: the first few in place (a request walks little past
  // its N homes), the rest on the heap.
  static constexpr size_t kInlineMet = 8;
  std::array<NodeId, kInlineMet> inline_met_{};
  size_t met_count_ = 0;
  std::vector<NodeId> more_met_;
};

}  // namespace dt
