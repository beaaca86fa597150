#include "impl/incremental_merkle.h"

#include <algorithm>
#include <array>

#include "core/assert.h"
#include "core/hash.h"
#include "core/ring.h"

namespace dt {

namespace {

constexpr uint32_t kMaxDepth = 24;

std::array<uint64_t, kMaxDepth + 1> compute_empty_hashes() {
  std::array<uint64_t, kMaxDepth + 1> hashes{};
  hashes[0] = 0;
  for (uint32_t h = 1; h <= kMaxDepth; ++h) hashes[h] = hash_combine(hashes[h - 1], hashes[h - 1]);
  return hashes;
}

}  // namespace

uint64_t merkle_entry_hash(Key key, uint64_t siblings_hash) {
  return hash_combine(key_hash(key), siblings_hash);
}

uint64_t empty_subtree_hash(uint32_t height) {
  static const std::array<uint64_t, kMaxDepth + 1> kHashes = compute_empty_hashes();
  DT_ASSERT(height <= kMaxDepth, "empty subtree taller than the deepest tree");
  return kHashes[height];
}

IncrementalMerkleTree::IncrementalMerkleTree(uint32_t depth) : depth_(depth) {
  DT_ASSERT(depth <= kMaxDepth, "merkle depth above 24 would not fit in memory");
  nodes_.assign(size_t{2} << depth, 0);
  leaf_dirty_.assign(size_t{1} << depth, 0);
  for (uint32_t level = 0; level <= depth; ++level) {
    const uint64_t empty = empty_subtree_hash(depth - level);
    const size_t first = size_t{1} << level;
    for (size_t i = first; i < 2 * first; ++i) nodes_[i] = empty;
  }
  DT_ASSERT(nodes_[1] == empty_subtree_hash(depth), "empty tree has the wrong root");
}

void IncrementalMerkleTree::update(uint32_t leaf, uint64_t old_entry, uint64_t new_entry) {
  DT_ASSERT(leaf < leaf_count(), "leaf index out of range");
  const size_t i = (size_t{1} << depth_) + leaf;
  nodes_[i] = nodes_[i] - old_entry + new_entry;  // wraps mod 2^64
  if (!leaf_dirty_[leaf] && depth_ > 0) {
    leaf_dirty_[leaf] = 1;
    dirty_.push_back(static_cast<uint32_t>(i));
  }
  DT_ASSERT(dirty_.size() <= leaf_count(), "more dirty leaves than leaves");
}

void IncrementalMerkleTree::flush() const {
  if (dirty_.empty()) return;
  const size_t first_leaf = size_t{1} << depth_;
  for (uint32_t i : dirty_) leaf_dirty_[i - first_leaf] = 0;
  if (dirty_.size() == 1) {
    // One dirty leaf: a single path to the root, nothing to merge.
    for (uint32_t i = dirty_[0] / 2; i >= 1; i /= 2) {
      nodes_[i] = hash_combine(nodes_[2 * i], nodes_[2 * i + 1]);
    }
    dirty_.clear();
    return;
  }
  // Sorted once: halving keeps the order, so at every level the parents of
  // the dirty nodes are deduplicated by std::unique alone, each hashed once.
  std::sort(dirty_.begin(), dirty_.end());
  std::vector<uint32_t>& level = dirty_;
  for (uint32_t height = 0; height < depth_; ++height) {
    for (uint32_t& i : level) i /= 2;
    level.erase(std::unique(level.begin(), level.end()), level.end());
    for (uint32_t i : level) nodes_[i] = hash_combine(nodes_[2 * i], nodes_[2 * i + 1]);
  }
  DT_ASSERT(level.size() == 1 && level[0] == 1, "dirty paths did not meet at the root");
  dirty_.clear();
}

uint64_t IncrementalMerkleTree::hash_at(uint32_t level, uint32_t index) const {
  DT_ASSERT(level <= depth_, "level below the leaves");
  DT_ASSERT(index < (uint64_t{1} << level), "node index out of range for its level");
  flush();
  return nodes_[(size_t{1} << level) + index];
}

}  // namespace dt
