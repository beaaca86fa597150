#include "sim/quiescence.h"

#include <map>

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

// The node's main store restricted to keys of one partition, by partition.
std::vector<std::map<Key, Siblings>> store_by_partition(const NodeState& state,
                                                        uint32_t partitions_q) {
  std::vector<std::map<Key, Siblings>> out(partitions_q);
  for (const auto& [key, siblings] : state.store) {
    out[partition_of(key, partitions_q)].emplace(key, siblings);
  }
  return out;
}

}  // namespace

bool cluster_quiesced(const Config& config, const std::vector<NodeState>& states) {
  DT_ASSERT(states.size() == config.nodes, "one state per node expected");
  for (NodeId n = 0; n < config.nodes; ++n) {
    DT_ASSERT(states[n].node == n, "states out of node order");
    if (holds_hints(states[n])) return false;
  }
  std::vector<std::vector<std::map<Key, Siblings>>> split;
  split.reserve(states.size());
  for (const NodeState& s : states) split.push_back(store_by_partition(s, config.partitions_q));
  const std::vector<NodeId> owners = partition_owners(config);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    const std::vector<NodeId> homes = ring_walk(owners, p, config.replicas_n);
    for (size_t i = 1; i < homes.size(); ++i) {
      if (split[homes[i]][p] != split[homes[0]][p]) return false;
    }
  }
  return true;
}

}  // namespace dt
