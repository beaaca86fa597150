// Where keys live: Dynamo's strategy 3. The 64-bit hash space is cut into Q
// equal partitions and the partitions are dealt to the nodes (each gets Q/S,
// give or take one) in a fixed shuffled order. These are pure functions of the
// config, shared so the model and the impl agree on placement; walking the
// ring into preference lists is each side's own job.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

uint64_t key_hash(Key key);
// The partition (0..Q-1) of a key hash: the hash space cut into Q equal ranges.
uint32_t partition_of_hash(uint64_t hash, uint32_t partitions_q);
inline uint32_t partition_of(Key key, uint32_t partitions_q) {
  return partition_of_hash(key_hash(key), partitions_q);
}
// The Merkle leaf (0..2^depth-1) of a key inside its partition's tree.
uint32_t merkle_leaf_of(Key key, uint32_t merkle_depth);

// owner[p] = the node whose token starts partition p. Walking p, p+1, ... (mod
// Q) and skipping nodes already seen gives the preference list (first N) and
// then the fallback order.
std::vector<NodeId> partition_owners(const Config& config);

// The first `count` distinct nodes met walking clockwise from `partition`:
// count = N gives the preference list (the home replicas); count = nodes
// gives the whole extended list, whose tail past N is the fallback order.
// REQUIRES: count <= number of distinct owners.
std::vector<NodeId> ring_walk(const std::vector<NodeId>& owners, uint32_t partition,
                              uint32_t count);
// ring_walk(owners, p, config.replicas_n) with owners from the config.
std::vector<NodeId> home_replicas(const Config& config, uint32_t partition);

// Anti-entropy rounds a node needs to visit every (partition, peer) pair it
// takes part in once: it starts one exchange per round, round-robin over its
// home partitions times their other N - 1 home replicas (docs/protocol.md,
// "Convergence speed"). The maximum over the nodes.
uint32_t anti_entropy_cycle_rounds(const Config& config);

}  // namespace dt
