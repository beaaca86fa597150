#include "impl/incremental_merkle.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "core/hash.h"
#include "core/ring.h"
#include "model/merkle_tree.h"

namespace dt {
namespace {

// The model's full rebuild over `contents` (key -> siblings hash).
MerkleTree rebuild(uint32_t depth, const std::map<Key, uint64_t>& contents) {
  MerkleTree tree(depth);
  for (const auto& [key, siblings_hash] : contents) tree.add_key(key, siblings_hash);
  tree.seal();
  return tree;
}

TEST(IncrementalMerkleTest, EmptyTreeMatchesTheModel) {
  for (uint32_t depth : {0u, 1u, 4u, 10u}) {
    const IncrementalMerkleTree tree(depth);
    const MerkleTree model(depth);
    EXPECT_EQ(tree.root(), model.root()) << "depth " << depth;
    EXPECT_EQ(tree.root(), empty_subtree_hash(depth));
    EXPECT_EQ(tree.hash_at(depth, 0), 0u);
  }
  EXPECT_EQ(merkle_entry_hash(5, 9), leaf_entry_hash(5, 9));
}

TEST(IncrementalMerkleTest, UpdateThenRevertRestoresTheRoot) {
  IncrementalMerkleTree tree(6);
  const uint64_t empty_root = tree.root();
  const uint32_t leaf = merkle_leaf_of(42, 6);
  const uint64_t entry = merkle_entry_hash(42, 7);
  tree.update(leaf, 0, entry);
  EXPECT_NE(tree.root(), empty_root);
  EXPECT_EQ(tree.hash_at(6, leaf), entry);
  tree.update(leaf, entry, 0);
  EXPECT_EQ(tree.root(), empty_root);
}

// Random update sequences (insert a key, then change its siblings hash any
// number of times, with reads in between) give exactly the model's rebuilt
// tree, every node.
RC_GTEST_PROP(IncrementalMerkleTest, RandomUpdatesEqualARebuild,
              (const std::vector<std::pair<uint8_t, uint64_t>>& writes)) {
  const uint32_t depth = *rc::gen::inRange<uint32_t>(0, 7);
  IncrementalMerkleTree tree(depth);
  std::map<Key, uint64_t> contents;
  for (const auto& [small_key, siblings_hash] : writes) {
    const Key key = small_key % 50;
    auto it = contents.find(key);
    const uint64_t old_entry = it == contents.end() ? 0 : merkle_entry_hash(key, it->second);
    tree.update(merkle_leaf_of(key, depth), old_entry, merkle_entry_hash(key, siblings_hash));
    contents[key] = siblings_hash;
    // Reads between writes flush the deferred path rehash at random points.
    if (siblings_hash % 4 == 0) RC_ASSERT(tree.root() == rebuild(depth, contents).root());
  }
  const MerkleTree model = rebuild(depth, contents);
  RC_ASSERT(tree.root() == model.root());
  for (uint32_t level = 0; level <= depth; ++level) {
    for (uint32_t i = 0; i < (uint32_t{1} << level); ++i) {
      RC_ASSERT(tree.hash_at(level, i) == model.hash_at(level, i));
    }
  }
}

}  // namespace
}  // namespace dt
