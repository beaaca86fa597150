// An incrementally maintained Merkle tree over one partition's keys, with the
// model's formulas (model/merkle_tree.h): leaf = sum mod 2^64 of
// hash_combine(key_hash(key), siblings hash) over the leaf's keys, empty leaf
// = 0, inner = hash_combine(left, right), level 0 = root. A store change
// subtracts the key's old entry hash and adds the new one to its leaf and
// marks the leaf dirty; the next read rehashes the dirty leaves' paths to the
// root once, level by level, so shared ancestors are hashed once: O(depth)
// per change at most, never a rebuild.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/types.h"

namespace dt {

// One key's contribution to its leaf (the model's leaf_entry_hash).
uint64_t merkle_entry_hash(Key key, uint64_t siblings_hash);

// The hash of an empty subtree whose leaves lie `height` levels below it.
uint64_t empty_subtree_hash(uint32_t height);

class IncrementalMerkleTree {
 public:
  // An empty tree: every leaf 0. REQUIRES: depth <= 24.
  explicit IncrementalMerkleTree(uint32_t depth);

  // Replaces one entry's contribution in `leaf`: old_entry (0 = none) by
  // new_entry (0 = none); its path is rehashed at the next read.
  void update(uint32_t leaf, uint64_t old_entry, uint64_t new_entry);

  uint32_t depth() const { return depth_; }
  uint64_t root() const {
    flush();
    return nodes_[1];
  }
  // REQUIRES: level <= depth, index < 2^level.
  uint64_t hash_at(uint32_t level, uint32_t index) const;
  uint32_t leaf_count() const { return uint32_t{1} << depth_; }
  // Bytes held by the node array (for memory reports).
  size_t memory_bytes() const { return nodes_.capacity() * sizeof(uint64_t); }

 private:
  // Rehashes the ancestors of every dirty leaf, bottom-up.
  void flush() const;

  uint32_t depth_;
  // Heap layout: node i at level l, index x is nodes_[(1 << l) + x]; 1 = root.
  // Mutable: reads finish the deferred path rehash (the value is unchanged).
  mutable std::vector<uint64_t> nodes_;
  mutable std::vector<uint32_t> dirty_;      // heap indices of dirty leaves
  mutable std::vector<uint8_t> leaf_dirty_;  // per leaf: already in dirty_
};

}  // namespace dt
