// Placement precomputed once at construction: for every partition its
// preference list, extended list, fallback order and a home bitmask; for this
// node its home partitions and the anti-entropy (partition, peer) pairs. The
// lists are the same ring walks the model recomputes on every use, so their
// order (the order effects follow) is identical.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

struct PartitionPlacement {
  std::vector<NodeId> homes;     // preference list, N long
  std::vector<NodeId> extended;  // every ring node in walk order
  std::vector<NodeId> fallbacks; // extended past its first N
  uint64_t home_mask = 0;        // bit n: node n is a home
};

class Placement {
 public:
  // REQUIRES: valid config, replicas_n <= partitions_q, nodes <= 64.
  Placement(NodeId self, const Config& config);

  const PartitionPlacement& of_partition(uint32_t partition) const;
  bool is_home(NodeId node, uint32_t partition) const {
    return (of_partition(partition).home_mask >> node) & 1;
  }
  const std::vector<uint32_t>& self_home_partitions() const { return self_home_partitions_; }
  // (partition, peer) for each home partition ascending, other homes in
  // preference-list order: the anti-entropy round-robin.
  const std::vector<std::pair<uint32_t, NodeId>>& exchange_pairs() const { return pairs_; }

 private:
  std::vector<PartitionPlacement> partitions_;
  std::vector<uint32_t> self_home_partitions_;
  std::vector<std::pair<uint32_t, NodeId>> pairs_;
};

}  // namespace dt
