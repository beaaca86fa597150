#include "impl/placement.h"

#include <algorithm>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

Placement::Placement(NodeId self, const Config& config) {
  DT_ASSERT(config.validate().is_ok(), "placement over an invalid config");
  DT_ASSERT(config.replicas_n <= config.partitions_q && config.nodes <= 64,
            "placement needs N <= Q and at most 64 nodes");
  const std::vector<NodeId> owners = partition_owners(config);
  const uint32_t ring_nodes = std::min(config.nodes, config.partitions_q);
  partitions_.resize(config.partitions_q);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    PartitionPlacement& place = partitions_[p];
    place.extended = ring_walk(owners, p, ring_nodes);
    DT_ASSERT(place.extended.size() >= config.replicas_n, "extended list shorter than N");
    place.homes.assign(place.extended.begin(), place.extended.begin() + config.replicas_n);
    place.fallbacks.assign(place.extended.begin() + config.replicas_n, place.extended.end());
    for (NodeId home : place.homes) place.home_mask |= uint64_t{1} << home;
    if ((place.home_mask >> self) & 1) {
      self_home_partitions_.push_back(p);
      for (NodeId peer : place.homes) {
        if (peer != self) pairs_.emplace_back(p, peer);
      }
    }
  }
}

const PartitionPlacement& Placement::of_partition(uint32_t partition) const {
  DT_ASSERT(partition < partitions_.size(), "partition out of range");
  DT_ASSERT(!partitions_[partition].homes.empty(), "partition without homes");
  return partitions_[partition];
}

}  // namespace dt
