#include "model/ring_view.h"

#include <algorithm>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

RingView::RingView(const Config& config) : config_(config) {
  DT_ASSERT(config.validate().is_ok(), "ring view over an invalid config");
  DT_ASSERT(config.replicas_n <= config.partitions_q,
            "replicas_n above partitions_q: the ring cannot give N distinct homes");
  auto table = std::make_shared<Table>();
  table->owners = partition_owners(config);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    table->homes.push_back(ring_walk(table->owners, p, config.replicas_n));
    DT_ASSERT(table->homes.back().size() == config.replicas_n, "preference list is not N long");
  }
  table_ = std::move(table);
}

uint32_t RingView::partition_of_key(Key key) const {
  return partition_of(key, config_.partitions_q);
}

uint32_t RingView::ring_node_count() const {
  return std::min(config_.nodes, config_.partitions_q);
}

std::vector<NodeId> RingView::preference_list(Key key) const {
  return partition_homes(partition_of_key(key));
}

std::vector<NodeId> RingView::extended_list(Key key) const {
  const std::vector<NodeId> walk =
      ring_walk(table_->owners, partition_of_key(key), ring_node_count());
  DT_ASSERT(walk.size() >= config_.replicas_n, "extended list shorter than N");
  return walk;
}

std::vector<NodeId> RingView::fallback_order(Key key) const {
  const std::vector<NodeId> walk = extended_list(key);
  return std::vector<NodeId>(walk.begin() + config_.replicas_n, walk.end());
}

std::vector<NodeId> RingView::partition_homes(uint32_t partition) const {
  DT_ASSERT(partition < config_.partitions_q, "partition out of range");
  DT_ASSERT(table_->homes.size() == config_.partitions_q, "homes table missing");
  return table_->homes[partition];
}

std::vector<uint32_t> RingView::home_partitions(NodeId node) const {
  DT_ASSERT(node < config_.nodes, "node id out of range");
  std::vector<uint32_t> partitions;
  for (uint32_t p = 0; p < config_.partitions_q; ++p) {
    const std::vector<NodeId>& homes = table_->homes[p];
    if (std::find(homes.begin(), homes.end(), node) != homes.end()) partitions.push_back(p);
  }
  DT_ASSERT(partitions.size() <= config_.partitions_q, "more home partitions than partitions");
  return partitions;
}

bool RingView::is_home(NodeId node, Key key) const {
  const std::vector<NodeId> homes = preference_list(key);
  return std::find(homes.begin(), homes.end(), node) != homes.end();
}

}  // namespace dt
