#include "impl/placement.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <tuple>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

Placement::Placement(NodeId self, const Config& config) : table_(shared_table(config)) {
  DT_ASSERT(self < table_->nodes, "placement for a node outside the cluster");
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    if (!is_home(self, p)) continue;
    self_home_partitions_.push_back(p);
    for (NodeId peer : homes(p)) {
      if (peer != self) pairs_.emplace_back(p, peer);
    }
  }
}

std::shared_ptr<const Placement::Table> Placement::build_table(const Config& config) {
  DT_ASSERT(config.validate().is_ok(), "placement over an invalid config");
  DT_ASSERT(config.replicas_n <= config.partitions_q, "placement needs N <= Q");
  auto table = std::make_shared<Table>();
  table->nodes = config.nodes;
  table->replicas_n = config.replicas_n;
  table->owners = partition_owners(config);
  table->homes.reserve(size_t{config.partitions_q} * config.replicas_n);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    RingCursor walk(table->owners, p);
    for (uint32_t i = 0; i < config.replicas_n; ++i) {
      const NodeId home = walk.next();
      DT_ASSERT(home != kNoNode, "ring walk shorter than N");
      table->homes.push_back(home);
    }
  }
  DT_ASSERT(table->homes.size() == size_t{config.partitions_q} * config.replicas_n,
            "a partition lacks homes");
  return table;
}

std::shared_ptr<const Placement::Table> Placement::shared_table(const Config& config) {
  // Weak entries: a table lives as long as some node holds it.
  using Key = std::tuple<uint32_t, uint32_t, uint32_t>;
  static std::mutex mutex;
  static std::map<Key, std::weak_ptr<const Table>> tables;
  const Key key{config.nodes, config.partitions_q, config.replicas_n};
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = tables.find(key); it != tables.end()) {
    if (std::shared_ptr<const Table> table = it->second.lock()) return table;
  }
  std::erase_if(tables, [](const auto& entry) { return entry.second.expired(); });
  std::shared_ptr<const Table> table = build_table(config);
  tables[key] = table;
  return table;
}

std::span<const NodeId> Placement::homes(uint32_t partition) const {
  const uint32_t n = table_->replicas_n;
  DT_ASSERT(size_t{partition} * n + n <= table_->homes.size(), "partition out of range");
  return std::span<const NodeId>(table_->homes).subspan(size_t{partition} * n, n);
}

bool Placement::is_home(NodeId node, uint32_t partition) const {
  const std::span<const NodeId> list = homes(partition);
  return std::find(list.begin(), list.end(), node) != list.end();
}

RingCursor::RingCursor(const std::vector<NodeId>& owners, uint32_t partition)
    : owners_(&owners), partition_(partition) {
  DT_ASSERT(partition < owners_->size(), "partition out of range");
}

bool RingCursor::met(NodeId node) const {
  const size_t in_place = std::min(met_count_, kInlineMet);
  for (size_t i = 0; i < in_place; ++i) {
    if (inline_met_[i] == node) return true;
  }
  return std::find(more_met_.begin(), more_met_.end(), node) != more_met_.end();
}

NodeId RingCursor::next() {
  const size_t ring = owners_->size();
  while (step_ < ring) {
    const NodeId node = (*owners_)[(partition_ + step_) % ring];
    ++step_;
    if (met(node)) continue;
    if (met_count_ < kInlineMet) {
      inline_met_[met_count_] = node;
    } else {
      more_met_.push_back(node);
    }
    ++met_count_;
    return node;
  }
  return kNoNode;
}

}  // namespace dt
