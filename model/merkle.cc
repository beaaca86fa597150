#include "model/merkle.h"

#include <algorithm>
#include <map>

#include "core/assert.h"
#include "core/ring.h"

namespace dt {

MerkleTree build_partition_tree(const VersionStore& store, const Config& config,
                                uint32_t partition) {
  DT_ASSERT(partition < config.partitions_q, "partition out of range");
  MerkleTree tree(config.merkle_depth);
  for (const auto& [key, siblings] : store.entries()) {
    if (partition_of(key, config.partitions_q) != partition) continue;
    DT_ASSERT(!siblings.empty(), "stored key without versions");
    tree.add_key(key, hash_siblings(siblings));
  }
  tree.seal();
  return tree;
}

uint64_t partition_root(const VersionStore& store, const Config& config, uint32_t partition) {
  DT_ASSERT(partition < config.partitions_q, "partition out of range");
  std::map<uint32_t, uint64_t> leaf_hashes;
  for (const auto& [key, siblings] : store.entries()) {
    if (partition_of(key, config.partitions_q) != partition) continue;
    DT_ASSERT(!siblings.empty(), "stored key without versions");
    leaf_hashes[merkle_leaf_of(key, config.merkle_depth)] +=
        leaf_entry_hash(key, hash_siblings(siblings));  // wraps mod 2^64
  }
  return sparse_root(config.merkle_depth, leaf_hashes);
}

std::vector<KeyData> leaf_data(const VersionStore& store, const Config& config, uint32_t partition,
                               const std::vector<uint32_t>& leaves) {
  DT_ASSERT(partition < config.partitions_q, "partition out of range");
  for (uint32_t leaf : leaves) {
    DT_ASSERT(leaf < (uint64_t{1} << config.merkle_depth), "leaf index out of range");
  }
  std::vector<KeyData> data;
  for (const auto& [key, siblings] : store.entries()) {
    if (partition_of(key, config.partitions_q) != partition) continue;
    const uint32_t leaf = merkle_leaf_of(key, config.merkle_depth);
    if (std::find(leaves.begin(), leaves.end(), leaf) == leaves.end()) continue;
    data.push_back(KeyData{key, siblings});
  }
  return data;
}

}  // namespace dt
