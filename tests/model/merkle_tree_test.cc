#include "model/merkle_tree.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/hash.h"
#include "core/ring.h"

namespace dt {
namespace {

// A tree over keys 0..count-1 whose sibling hash is hash_u64(key + salt).
MerkleTree tree_over(uint32_t depth, Key count, Key changed_key = ~Key{0}) {
  MerkleTree tree(depth);
  for (Key key = 0; key < count; ++key) {
    tree.add_key(key, hash_u64(key == changed_key ? key + 1'000'000'007 : key));
  }
  tree.seal();
  return tree;
}

TEST(MerkleTreeTest, EmptyTreesAgreeAndEmptyLeavesAreZero) {
  const MerkleTree a(4), b(4);
  EXPECT_EQ(a.root(), b.root());
  for (uint32_t leaf = 0; leaf < a.leaf_count(); ++leaf) EXPECT_EQ(a.hash_at(4, leaf), 0u);
  EXPECT_EQ(a.hash_at(3, 0), hash_combine(0, 0));
  EXPECT_EQ(diff_trees(a, b).comparisons, 0u);
  EXPECT_TRUE(diff_trees(a, b).differing_leaves.empty());
}

// Every inner node is hash_combine of its children, whichever way seal() went.
void expect_fully_hashed(const MerkleTree& tree) {
  for (uint32_t level = 0; level < tree.depth(); ++level) {
    for (uint32_t i = 0; i < (uint32_t{1} << level); ++i) {
      RC_ASSERT(tree.hash_at(level, i) ==
                hash_combine(tree.hash_at(level + 1, 2 * i), tree.hash_at(level + 1, 2 * i + 1)));
    }
  }
}

// seal() rehashes only the paths above changed leaves when few changed, all
// nodes when many did; both give the tree a full rehash gives.
RC_GTEST_PROP(MerkleTreeTest, PathSealsEqualAFullRehash, ()) {
  const auto depth = *rc::gen::inRange<uint32_t>(0, 11);
  const auto keys = *rc::gen::container<std::vector<Key>>(rc::gen::inRange<Key>(0, 5000));
  std::vector<Key> distinct = keys;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  MerkleTree one_by_one(depth), at_once(depth);
  for (Key key : distinct) {
    one_by_one.add_key(key, hash_u64(key));
    one_by_one.seal();
    at_once.add_key(key, hash_u64(key));
  }
  at_once.seal();
  expect_fully_hashed(one_by_one);
  expect_fully_hashed(at_once);
  RC_ASSERT(one_by_one.root() == at_once.root());
}

TEST(MerkleTreeTest, LeafHashIsACommutativeSum) {
  MerkleTree forward(3), backward(3);
  for (Key key = 0; key < 100; ++key) forward.add_key(key, hash_u64(key));
  for (Key key = 100; key-- > 0;) backward.add_key(key, hash_u64(key));
  forward.seal();
  backward.seal();
  EXPECT_EQ(forward.root(), backward.root());
  EXPECT_EQ(forward.key_count(), 100u);
}

TEST(MerkleTreeTest, OneDifferingKeyCostsTwoComparisonsPerLevel) {
  for (uint32_t depth : {1u, 4u, 8u, 12u}) {
    const MerkleTree a = tree_over(depth, 5000);
    const MerkleTree b = tree_over(depth, 5000, /*changed_key=*/1234);
    const MerkleTreeDiff diff = diff_trees(a, b);
    EXPECT_EQ(diff.comparisons, 2u * depth) << "depth " << depth;
    ASSERT_EQ(diff.differing_leaves.size(), 1u);
    EXPECT_EQ(diff.differing_leaves[0], merkle_leaf_of(1234, depth));
  }
}

TEST(MerkleTreeTest, DepthZeroIsASingleLeaf) {
  const MerkleTree a = tree_over(0, 10);
  const MerkleTree b = tree_over(0, 10, 3);
  const MerkleTreeDiff diff = diff_trees(a, b);
  EXPECT_EQ(diff.comparisons, 0u);
  EXPECT_EQ(diff.differing_leaves, std::vector<uint32_t>{0});
}

// The seed's exercise, scaled down 16x in keys: 2^20 keys at depth 16 give 16
// keys per leaf on average, and one differing key is found in 32 comparisons.
TEST(MerkleTreeTest, SeedExerciseAtDepthSixteen) {
  const Key keys = Key{1} << 20;
  const MerkleTree a = tree_over(16, keys);
  const MerkleTree b = tree_over(16, keys, 777'777);
  EXPECT_EQ(a.leaf_count(), 65536u);
  EXPECT_DOUBLE_EQ(static_cast<double>(a.key_count()) / a.leaf_count(), 16.0);
  const MerkleTreeDiff diff = diff_trees(a, b);
  EXPECT_EQ(diff.comparisons, 32u);
  ASSERT_EQ(diff.differing_leaves.size(), 1u);
  EXPECT_EQ(a.leaf_key_count(diff.differing_leaves[0]), b.leaf_key_count(diff.differing_leaves[0]));
}

TEST(MerkleTreeTest, TwoDifferingLeavesAreBothFound) {
  MerkleTree a(5), b(5);
  a.add_key(1, 10);
  a.add_key(2, 20);
  b.add_key(1, 11);
  b.add_key(2, 21);
  a.seal();
  b.seal();
  const MerkleTreeDiff diff = diff_trees(a, b);
  std::vector<uint32_t> expected{merkle_leaf_of(1, 5), merkle_leaf_of(2, 5)};
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  EXPECT_EQ(diff.differing_leaves, expected);
  EXPECT_GE(diff.comparisons, 10u);
  EXPECT_LE(diff.comparisons, 20u);
}

// The top-down diff finds exactly the leaves whose contents differ.
RC_GTEST_PROP(MerkleTreePropertyTest, DiffFindsExactlyTheChangedLeaves,
              (const std::map<Key, uint64_t>& a_keys, const std::map<Key, uint64_t>& b_keys)) {
  const uint32_t depth = *rc::gen::inRange<uint32_t>(0, 7);
  MerkleTree a(depth), b(depth);
  std::map<uint32_t, std::map<Key, uint64_t>> a_leaves, b_leaves;
  for (const auto& [key, h] : a_keys) {
    a.add_key(key, h);
    a_leaves[merkle_leaf_of(key, depth)][key] = h;
  }
  for (const auto& [key, h] : b_keys) {
    b.add_key(key, h);
    b_leaves[merkle_leaf_of(key, depth)][key] = h;
  }
  a.seal();
  b.seal();
  std::vector<uint32_t> expected;
  for (uint32_t leaf = 0; leaf < a.leaf_count(); ++leaf) {
    if (a_leaves[leaf] != b_leaves[leaf]) expected.push_back(leaf);
  }
  // Hash collisions are possible in principle; at these sizes they do not occur.
  RC_ASSERT(diff_trees(a, b).differing_leaves == expected);
  RC_ASSERT((a.root() == b.root()) == expected.empty());
}

// The sparse root equals the full tree's root for any set of keys.
RC_GTEST_PROP(MerkleTreePropertyTest, SparseRootEqualsTheFullRoot,
              (const std::map<Key, uint64_t>& keys)) {
  const uint32_t depth = *rc::gen::inRange<uint32_t>(0, 12);
  MerkleTree tree(depth);
  std::map<uint32_t, uint64_t> leaf_hashes;
  for (const auto& [key, h] : keys) {
    tree.add_key(key, h);
    leaf_hashes[merkle_leaf_of(key, depth)] += leaf_entry_hash(key, h);
  }
  tree.seal();
  RC_ASSERT(sparse_root(depth, leaf_hashes) == tree.root());
}

TEST(MerkleTreeTest, SparseRootOfNothingIsTheEmptyRoot) {
  for (uint32_t depth : {0u, 3u, 16u}) {
    EXPECT_EQ(sparse_root(depth, {}), MerkleTree(depth).root());
  }
}

TEST(MerkleTreeDeathTest, ReadingAnUnsealedTreeIsABug) {
  MerkleTree tree(2);
  tree.add_key(1, 1);
  EXPECT_DEATH(tree.root(), "unsealed");
  tree.seal();
  EXPECT_DEATH(tree.hash_at(3, 0), "below the leaves");
  EXPECT_DEATH(tree.hash_at(1, 2), "out of range");
}

}  // namespace
}  // namespace dt
