#include "model/merkle.h"

#include <gtest/gtest.h>

#include "core/ring.h"

namespace dt {
namespace {

// Keys 0..count-1 stored with one version each.
VersionStore store_of(Key count, Key skip = ~Key{0}) {
  VersionStore store;
  for (Key key = 0; key < count; ++key) {
    if (key == skip) continue;
    Version v;
    v.dot = Dot{1, key + 1};
    v.value = {static_cast<ElementValue>(key)};
    store.merge(key, {v}, Versioning::vclock);
  }
  return store;
}

TEST(MerkleTest, PartitionTreeHoldsOnlyThatPartitionsKeys) {
  Config config;
  const VersionStore store = store_of(300);
  uint64_t keys = 0;
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    const MerkleTree tree = build_partition_tree(store, config, p);
    keys += tree.key_count();
    EXPECT_EQ(tree.root(), partition_root(store, config, p));
  }
  EXPECT_EQ(keys, 300u);
}

TEST(MerkleTest, LeafDataListsTheKeysOfTheLeavesInKeyOrder) {
  Config config;
  const VersionStore store = store_of(300);
  const uint32_t partition = partition_of(17, config.partitions_q);
  const uint32_t leaf = merkle_leaf_of(17, config.merkle_depth);
  const std::vector<KeyData> data = leaf_data(store, config, partition, {leaf});
  ASSERT_FALSE(data.empty());
  bool has_17 = false;
  for (size_t i = 0; i < data.size(); ++i) {
    EXPECT_EQ(partition_of(data[i].key, config.partitions_q), partition);
    EXPECT_EQ(merkle_leaf_of(data[i].key, config.merkle_depth), leaf);
    EXPECT_EQ(data[i].siblings, store.get(data[i].key));
    if (i > 0) {
      EXPECT_LT(data[i - 1].key, data[i].key);
    }
    has_17 |= data[i].key == 17;
  }
  EXPECT_TRUE(has_17);
}

TEST(MerkleTest, AMissingKeyChangesExactlyItsPartitionsRoot) {
  Config config;
  const VersionStore full = store_of(300), missing = store_of(300, 42);
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    const bool has_42 = p == partition_of(42, config.partitions_q);
    EXPECT_EQ(partition_root(full, config, p) != partition_root(missing, config, p), has_42);
  }
}

}  // namespace
}  // namespace dt
