#include "impl/placement.h"

#include <algorithm>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

Placement::Placement(NodeId self, const Config& config)
    : replicas_n_(config.replicas_n), owners_(partition_owners(config)) {
  DT_ASSERT(config.validate().is_ok(), "placement over an invalid config");
  DT_ASSERT(config.replicas_n <= config.partitions_q, "placement needs N <= Q");
  homes_.reserve(size_t{config.partitions_q} * replicas_n_);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    RingCursor walk(*this, p);
    for (uint32_t i = 0; i < replicas_n_; ++i) {
      const NodeId home = walk.next();
      DT_ASSERT(home != kNoNode, "ring walk shorter than N");
      homes_.push_back(home);
    }
    if (is_home(self, p)) {
      self_home_partitions_.push_back(p);
      for (NodeId peer : homes(p)) {
        if (peer != self) pairs_.emplace_back(p, peer);
      }
    }
  }
  DT_ASSERT(homes_.size() == size_t{config.partitions_q} * replicas_n_, "a partition lacks homes");
}

std::span<const NodeId> Placement::homes(uint32_t partition) const {
  DT_ASSERT(size_t{partition} * replicas_n_ + replicas_n_ <= homes_.size(),
            "partition out of range");
  return std::span<const NodeId>(homes_).subspan(size_t{partition} * replicas_n_, replicas_n_);
}

bool Placement::is_home(NodeId node, uint32_t partition) const {
  const std::span<const NodeId> list = homes(partition);
  return std::find(list.begin(), list.end(), node) != list.end();
}

RingCursor::RingCursor(const Placement& placement, uint32_t partition)
    : owners_(&placement.owners()), partition_(partition) {
  DT_ASSERT(partition < owners_->size(), "partition out of range");
}

NodeId RingCursor::next() {
  const size_t ring = owners_->size();
  while (step_ < ring) {
    const NodeId node = (*owners_)[(partition_ + step_) % ring];
    ++step_;
    if (std::find(met_.begin(), met_.end(), node) == met_.end()) {
      met_.push_back(node);
      return node;
    }
  }
  return kNoNode;
}

}  // namespace dt
