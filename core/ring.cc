#include "core/ring.h"

#include <algorithm>
#include <utility>

#include "core/assert.h"
#include "core/hash.h"
#include "core/prng.h"

namespace dt {

namespace {
constexpr uint64_t kKeySeed = 0x6B6579;    // "key"
constexpr uint64_t kLeafSeed = 0x6C656166;  // "leaf"
constexpr uint64_t kRingSeed = 0x72696E67;  // "ring"
}  // namespace

uint64_t key_hash(Key key) { return hash_u64(key, kKeySeed); }

uint32_t partition_of_hash(uint64_t hash, uint32_t partitions_q) {
  DT_ASSERT(partitions_q > 0, "no partitions");
  const auto scaled = static_cast<unsigned __int128>(hash) * partitions_q;
  return static_cast<uint32_t>(scaled >> 64);
}

uint32_t merkle_leaf_of(Key key, uint32_t merkle_depth) {
  DT_ASSERT(merkle_depth <= 32, "merkle depth above 32");
  if (merkle_depth == 0) return 0;
  return static_cast<uint32_t>(hash_u64(key, kLeafSeed) >> (64 - merkle_depth));
}

std::vector<NodeId> partition_owners(const Config& config) {
  DT_ASSERT(config.nodes > 0 && config.partitions_q > 0, "empty ring");
  std::vector<NodeId> owners(config.partitions_q);
  for (uint32_t p = 0; p < config.partitions_q; ++p) owners[p] = p % config.nodes;
  // Fisher-Yates with a fixed seed: placement depends only on (nodes, Q).
  Prng prng(kRingSeed ^ (uint64_t{config.nodes} << 32) ^ config.partitions_q);
  for (uint32_t i = config.partitions_q; i > 1; --i) {
    std::swap(owners[i - 1], owners[prng.below(i)]);
  }
  return owners;
}

std::vector<NodeId> ring_walk(const std::vector<NodeId>& owners, uint32_t partition,
                              uint32_t count) {
  DT_ASSERT(partition < owners.size(), "partition out of range");
  std::vector<NodeId> walk;
  walk.reserve(count);
  for (size_t step = 0; step < owners.size() && walk.size() < count; ++step) {
    const NodeId node = owners[(partition + step) % owners.size()];
    bool seen = false;
    for (NodeId w : walk) seen |= (w == node);
    if (!seen) walk.push_back(node);
  }
  DT_ASSERT(walk.size() == count, "ring has fewer distinct nodes than asked for");
  return walk;
}

std::vector<NodeId> home_replicas(const Config& config, uint32_t partition) {
  return ring_walk(partition_owners(config), partition, config.replicas_n);
}

uint32_t anti_entropy_cycle_rounds(const Config& config) {
  const std::vector<NodeId> owners = partition_owners(config);
  std::vector<uint32_t> pairs(config.nodes, 0);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    for (NodeId home : ring_walk(owners, p, config.replicas_n)) pairs[home] += config.replicas_n - 1;
  }
  return *std::max_element(pairs.begin(), pairs.end());
}

}  // namespace dt
