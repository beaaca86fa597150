#include "model/merkle_tree.h"

#include <algorithm>
#include <utility>

#include "core/assert.h"
#include "core/hash.h"
#include "core/ring.h"

namespace dt {

uint64_t leaf_entry_hash(Key key, uint64_t siblings_hash) {
  return hash_combine(key_hash(key), siblings_hash);
}

MerkleTree::MerkleTree(uint32_t depth) : depth_(depth) {
  DT_ASSERT(depth <= 24, "merkle depth above 24 would not fit in memory");
  levels_.resize(depth + 1);
  // Every node of a level of an empty tree has the same hash: fill, not rehash.
  uint64_t empty_hash = 0;
  for (uint32_t level = depth + 1; level-- > 0;) {
    levels_[level].assign(size_t{1} << level, empty_hash);
    empty_hash = hash_combine(empty_hash, empty_hash);
  }
  leaf_key_counts_.assign(size_t{1} << depth, 0);
  DT_ASSERT(levels_.back().size() == leaf_count(), "leaf level has the wrong size");
  DT_ASSERT(depth == 0 || levels_[0][0] == hash_combine(levels_[1][0], levels_[1][1]),
            "empty root is not the hash of its children");
}

void MerkleTree::add_key(Key key, uint64_t siblings_hash) {
  const uint32_t leaf = merkle_leaf_of(key, depth_);
  DT_ASSERT(leaf < leaf_count(), "leaf index out of range");
  levels_[depth_][leaf] += leaf_entry_hash(key, siblings_hash);  // wraps mod 2^64
  ++leaf_key_counts_[leaf];
  ++key_count_;
  if (!rehash_all_) {
    changed_leaves_.push_back(leaf);
    // Past about one changed leaf in depth, rehashing every node costs less than the paths.
    if (changed_leaves_.size() * (depth_ + 1) >= leaf_count()) {
      rehash_all_ = true;
      changed_leaves_.clear();
    }
  }
  sealed_ = false;
}

void MerkleTree::seal() {
  DT_ASSERT(levels_.size() == depth_ + 1, "tree levels missing");
  DT_ASSERT(!rehash_all_ || changed_leaves_.empty(), "both a full rehash and paths pending");
  std::vector<uint32_t>& changed = changed_leaves_;
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  for (uint32_t level = depth_; level > 0; --level) {
    const std::vector<uint64_t>& below = levels_[level];
    std::vector<uint64_t>& above = levels_[level - 1];
    DT_ASSERT(below.size() == 2 * above.size(), "level sizes do not halve");
    if (rehash_all_) {
      for (size_t i = 0; i < above.size(); ++i) {
        above[i] = hash_combine(below[2 * i], below[2 * i + 1]);
      }
      continue;
    }
    // `changed` is sorted, so the parents come sorted, equal ones side by side.
    for (uint32_t& index : changed) index /= 2;
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    for (uint32_t i : changed) above[i] = hash_combine(below[2 * i], below[2 * i + 1]);
  }
  changed.clear();
  rehash_all_ = false;
  sealed_ = true;
}

uint64_t MerkleTree::hash_at(uint32_t level, uint32_t index) const {
  DT_ASSERT(sealed_, "hash read from an unsealed tree");
  DT_ASSERT(level <= depth_, "level below the leaves");
  DT_ASSERT(index < levels_[level].size(), "node index out of range for its level");
  return levels_[level][index];
}

uint64_t MerkleTree::leaf_key_count(uint32_t leaf) const {
  DT_ASSERT(leaf < leaf_count(), "leaf index out of range");
  return leaf_key_counts_[leaf];
}

uint64_t sparse_root(uint32_t depth, const std::map<uint32_t, uint64_t>& leaf_hashes) {
  DT_ASSERT(depth <= 32, "merkle depth above 32");
  DT_ASSERT(leaf_hashes.empty() || leaf_hashes.rbegin()->first < (uint64_t{1} << depth),
            "leaf index out of range");
  std::map<uint32_t, uint64_t> level_nodes = leaf_hashes;  // non-empty nodes of this level
  uint64_t empty_hash = 0;                                 // any empty node of this level
  for (uint32_t level = depth; level > 0; --level) {
    std::map<uint32_t, uint64_t> parents;
    for (const auto& [index, hash] : level_nodes) {
      const uint32_t parent = index / 2;
      if (parents.count(parent)) continue;  // its sibling came first
      auto left = level_nodes.find(2 * parent);
      auto right = level_nodes.find(2 * parent + 1);
      parents[parent] = hash_combine(left == level_nodes.end() ? empty_hash : left->second,
                                     right == level_nodes.end() ? empty_hash : right->second);
    }
    level_nodes = std::move(parents);
    empty_hash = hash_combine(empty_hash, empty_hash);
  }
  return level_nodes.empty() ? empty_hash : level_nodes.at(0);
}

MerkleTreeDiff diff_trees(const MerkleTree& a, const MerkleTree& b) {
  DT_ASSERT(a.depth() == b.depth(), "diffing trees of different depths");
  MerkleTreeDiff diff;
  if (a.root() == b.root()) return diff;
  std::vector<uint32_t> differing{0};
  for (uint32_t level = 1; level <= a.depth() && !differing.empty(); ++level) {
    std::vector<uint32_t> next;
    for (uint32_t parent : differing) {
      for (uint32_t child = 2 * parent; child <= 2 * parent + 1; ++child) {
        ++diff.comparisons;
        if (a.hash_at(level, child) != b.hash_at(level, child)) next.push_back(child);
      }
    }
    differing = std::move(next);
  }
  diff.differing_leaves = std::move(differing);
  DT_ASSERT(diff.comparisons <= 2 * uint64_t{a.leaf_count()}, "more comparisons than nodes");
  return diff;
}

}  // namespace dt
