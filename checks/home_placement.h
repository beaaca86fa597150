// Home replicas per key, computed once per partition (core/ring.h recomputes
// the whole ring on every call, which a checker cannot afford per op).
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

class HomePlacement {
 public:
  explicit HomePlacement(const Config& config);

  uint32_t partition(Key key) const;
  // The N home replicas of the key's partition (its preference list).
  const std::vector<NodeId>& home_of_key(Key key) const;
  const std::vector<NodeId>& home_of_partition(uint32_t partition) const;
  bool is_home(Key key, NodeId node) const;
  uint32_t partitions() const { return static_cast<uint32_t>(homes_.size()); }

 private:
  std::vector<std::vector<NodeId>> homes_;  // by partition
};

}  // namespace dt
