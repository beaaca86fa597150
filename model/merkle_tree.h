// A Merkle tree over the keys of one partition, reusable by the model, the
// impl and benchmarks. 2^depth leaves; a key lives in leaf merkle_leaf_of(key).
// leaf hash  = sum (mod 2^64) of leaf_entry_hash(key, siblings hash) over the
//              leaf's keys; an empty leaf is 0. The sum is commutative, so an
//              incremental tree and a full rebuild agree.
// inner hash = hash_combine(left child, right child).
// Levels count from the root: level 0 = root, level depth = leaves.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/types.h"

namespace dt {

// One key's contribution to its leaf.
uint64_t leaf_entry_hash(Key key, uint64_t siblings_hash);

class MerkleTree {
 public:
  // An empty tree (every leaf 0), already sealed.
  explicit MerkleTree(uint32_t depth);

  // Adds one key's contribution to its leaf. Unseals the tree.
  // REQUIRES: each key is added at most once.
  void add_key(Key key, uint64_t siblings_hash);
  // Recomputes the inner nodes above the leaves changed since the last seal
  // (all of them when most leaves changed): the same hashes a full rehash gives.
  void seal();

  uint32_t depth() const { return depth_; }
  // REQUIRES: sealed.
  uint64_t root() const { return hash_at(0, 0); }
  // REQUIRES: sealed, level <= depth, index < 2^level.
  uint64_t hash_at(uint32_t level, uint32_t index) const;
  uint64_t leaf_key_count(uint32_t leaf) const;
  uint64_t key_count() const { return key_count_; }
  uint32_t leaf_count() const { return uint32_t{1} << depth_; }

 private:
  uint32_t depth_;
  bool sealed_ = true;
  uint64_t key_count_ = 0;
  std::vector<std::vector<uint64_t>> levels_;  // levels_[l].size() == 2^l
  std::vector<uint32_t> leaf_key_counts_;
  // Leaves changed since the last seal (unsorted, may repeat), until there
  // are so many that seal() rehashes every node anyway (rehash_all_).
  std::vector<uint32_t> changed_leaves_;
  bool rehash_all_ = false;
};

// The root a MerkleTree over the same keys would have, computed from only the
// non-empty leaves (leaf index -> leaf hash): an empty subtree's hash depends
// only on its height. Costs O(leaves * depth) instead of O(2^depth), which
// matters because abstract_state() asks for roots after every event.
uint64_t sparse_root(uint32_t depth, const std::map<uint32_t, uint64_t>& leaf_hashes);

// What comparing two trees top-down finds, the way a Merkle exchange does it:
// compare the roots; below a differing node compare both children.
struct MerkleTreeDiff {
  std::vector<uint32_t> differing_leaves;  // ascending
  // Hashes compared below the root (the root comparison itself is the
  // question "do they differ at all" and is not counted): 2 per differing
  // inner node, so one differing leaf at depth d costs 2*d.
  uint64_t comparisons = 0;
};

// REQUIRES: a.depth() == b.depth(), both sealed.
MerkleTreeDiff diff_trees(const MerkleTree& a, const MerkleTree& b);

}  // namespace dt
