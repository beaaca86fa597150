// The impl's main store against the model's VersionStore: after any sequence
// of merges (with tree and leaf reads at random points, so deferred hashes
// are settled both in bursts and one by one, and keys join a partition's
// leaf list after it was read) every partition root, every tree node and
// the leaf data equal the model's rebuild.
#include "impl/main_store.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/ring.h"
#include "model/merkle.h"
#include "model/store.h"

namespace dt {
namespace {

Config small_config() {
  Config config;
  config.partitions_q = 4;
  config.merkle_depth = 3;
  return config;
}

Version chain_version(Key key, uint64_t counter) {
  Version v;
  v.dot = Dot{static_cast<ActorId>(key % 3), counter};
  if (counter > 1) v.context = VClock({{static_cast<NodeId>(key % 3), counter - 1}});
  v.value = {static_cast<ElementValue>(counter)};
  v.write_id = key * 1000 + counter;
  return v;
}

// Every leaf of partition `p`, one at a time and all at once.
void expect_same_leaf_data(const MainStore& impl, const VersionStore& model, const Config& config,
                           uint32_t p) {
  std::vector<uint32_t> all;
  for (uint32_t leaf = 0; leaf < (uint32_t{1} << config.merkle_depth); ++leaf) {
    RC_ASSERT(impl.leaf_data(p, {leaf}) == leaf_data(model, config, p, {leaf}));
    all.push_back(leaf);
  }
  RC_ASSERT(impl.leaf_data(p, all) == leaf_data(model, config, p, all));
}

void expect_same_trees(const MainStore& impl, const VersionStore& model, const Config& config) {
  for (uint32_t p = 0; p < config.partitions_q; ++p) {
    RC_ASSERT(impl.root(p) == partition_root(model, config, p));
    const MerkleTree tree = build_partition_tree(model, config, p);
    for (uint32_t level = 0; level <= config.merkle_depth; ++level) {
      for (uint32_t i = 0; i < (uint32_t{1} << level); ++i) {
        RC_ASSERT(impl.hash_at(p, level, i) == tree.hash_at(level, i));
      }
    }
    const std::vector<uint32_t> leaves{0, 2, 5, 2};
    RC_ASSERT(impl.leaf_data(p, leaves) == leaf_data(model, config, p, leaves));
    expect_same_leaf_data(impl, model, config, p);
  }
}

TEST(MainStoreTest, EmptyStoreHasEmptyTreesAndNoData) {
  const Config config = small_config();
  const MainStore store(config);
  EXPECT_TRUE(store.empty());
  EXPECT_TRUE(store.get(5).empty());
  EXPECT_EQ(store.root(0), MerkleTree(config.merkle_depth).root());
  EXPECT_TRUE(store.leaf_data(1, {0, 1}).empty());
}

RC_GTEST_PROP(MainStoreTest, TreesAndLeafDataEqualTheModelsRebuild,
              (const std::vector<std::pair<uint8_t, uint8_t>>& writes)) {
  const Config config = small_config();
  MainStore impl(config);
  VersionStore model;
  SiblingMerge merge;
  for (const auto& [small_key, step] : writes) {
    const Key key = small_key % 24;
    const Version v = chain_version(key, step % 5 + 1);
    impl.merge_one(key, v, merge);
    const MergeResult expected = model.merge(key, {v}, config.versioning);
    RC_ASSERT(merge.newly_stored.size() == expected.newly_stored.size());
    RC_ASSERT(impl.get(key) == model.get(key));
    const uint32_t p = partition_of(key, config.partitions_q);
    if (step % 3 == 0) RC_ASSERT(impl.root(p) == partition_root(model, config, p));
    // Leaf reads between writes: keys added after a read join those listed.
    if (step % 4 == 1) expect_same_leaf_data(impl, model, config, p);
  }
  RC_ASSERT(impl.snapshot() == model.entries());
  expect_same_trees(impl, model, config);
}

}  // namespace
}  // namespace dt
