#include "sim/quiescence.h"

#include <map>
#include <vector>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

namespace {

bool holds_hints(const NodeState& state) {
  for (const auto& [intended, hinted] : state.hints) {
    if (!hinted.empty()) return true;
  }
  return false;
}

using StoreEntry = std::map<Key, Siblings>::value_type;
// The entries of one partition, key ascending; they point into a NodeState
// (no copy: this runs after every quiescence round).
using PartitionView = std::vector<const StoreEntry*>;

// The node's main store restricted to keys of one partition, by partition.
std::vector<PartitionView> store_by_partition(const NodeState& state, uint32_t partitions_q) {
  std::vector<PartitionView> out(partitions_q);
  for (const StoreEntry& entry : state.store) {
    out[partition_of(entry.first, partitions_q)].push_back(&entry);
  }
  DT_ASSERT(out.size() == partitions_q, "one view per partition expected");
  return out;
}

// Same keys with the same siblings, in the same order.
bool same_entries(const PartitionView& a, const PartitionView& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!(*a[i] == *b[i])) return false;
  }
  return true;
}

}  // namespace

bool cluster_quiesced(const Config& config, const std::vector<NodeState>& states) {
  DT_ASSERT(states.size() == config.nodes, "one state per node expected");
  for (NodeId n = 0; n < config.nodes; ++n) {
    DT_ASSERT(states[n].node == n, "states out of node order");
    if (holds_hints(states[n])) return false;
  }
  std::vector<std::vector<PartitionView>> split;
  split.reserve(states.size());
  for (const NodeState& s : states) split.push_back(store_by_partition(s, config.partitions_q));
  const std::vector<NodeId> owners = partition_owners(config);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    const std::vector<NodeId> homes = ring_walk(owners, p, config.replicas_n);
    for (size_t i = 1; i < homes.size(); ++i) {
      if (!same_entries(split[homes[i]][p], split[homes[0]][p])) return false;
    }
  }
  return true;
}

}  // namespace dt
