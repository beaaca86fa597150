#include "checks/home_placement.h"

#include <algorithm>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

HomePlacement::HomePlacement(const Config& config) {
  DT_ASSERT(config.partitions_q > 0, "no partitions");
  DT_ASSERT(config.replicas_n <= config.nodes, "more replicas than nodes");
  const std::vector<NodeId> owners = partition_owners(config);
  homes_.reserve(config.partitions_q);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    homes_.push_back(ring_walk(owners, p, config.replicas_n));
  }
}

uint32_t HomePlacement::partition(Key key) const {
  return partition_of(key, static_cast<uint32_t>(homes_.size()));
}

const std::vector<NodeId>& HomePlacement::home_of_key(Key key) const {
  return homes_[partition(key)];
}

const std::vector<NodeId>& HomePlacement::home_of_partition(uint32_t partition) const {
  DT_ASSERT(partition < homes_.size(), "partition out of range");
  return homes_[partition];
}

bool HomePlacement::is_home(Key key, NodeId node) const {
  const std::vector<NodeId>& home = home_of_key(key);
  return std::find(home.begin(), home.end(), node) != home.end();
}

}  // namespace dt
