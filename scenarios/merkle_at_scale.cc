#include "scenarios/merkle_at_scale.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/assert.h"
#include "core/hash.h"
#include "model/merkle_tree.h"

namespace dt {

MerkleScaleResult run_merkle_at_scale(uint64_t keys, uint32_t depth, uint32_t differing_keys) {
  DT_ASSERT(differing_keys <= keys, "more differing keys than keys");
  DT_ASSERT(depth <= 24, "depth above 24");
  MerkleTree a(depth), b(depth);
  // Spread the differing keys over the key space so they land in distinct leaves.
  const uint64_t stride = differing_keys == 0 ? 0 : keys / differing_keys;
  for (uint64_t key = 0; key < keys; ++key) {
    const uint64_t content = hash_u64(key, 0x76616c);
    a.add_key(key, content);
    const bool differs = stride != 0 && key % stride == 0 && key / stride < differing_keys;
    b.add_key(key, differs ? content ^ 1 : content);
  }
  a.seal();
  b.seal();
  MerkleScaleResult r;
  r.keys = keys;
  r.depth = depth;
  r.leaves = a.leaf_count();
  r.differing_keys = differing_keys;
  r.mean_keys_per_leaf = static_cast<double>(keys) / r.leaves;
  r.min_keys_per_leaf = UINT64_MAX;
  for (uint32_t leaf = 0; leaf < r.leaves; ++leaf) {
    r.min_keys_per_leaf = std::min(r.min_keys_per_leaf, a.leaf_key_count(leaf));
    r.max_keys_per_leaf = std::max(r.max_keys_per_leaf, a.leaf_key_count(leaf));
  }
  const MerkleTreeDiff diff = diff_trees(a, b);
  r.differing_leaves = diff.differing_leaves;
  r.comparisons = diff.comparisons;
  for (uint32_t leaf : diff.differing_leaves) {
    r.keys_transferred += a.leaf_key_count(leaf) + b.leaf_key_count(leaf);
  }
  DT_ASSERT(r.differing_leaves.size() <= differing_keys, "more differing leaves than keys");
  return r;
}

std::string format_merkle_scale(const MerkleScaleResult& r) {
  std::string out;
  out += fmt::format("keys:                   {}\n", r.keys);
  out += fmt::format("tree depth:             {} ({} leaves)\n", r.depth, r.leaves);
  out += fmt::format("keys per leaf:          mean {:.1f}, min {}, max {}\n",
                     r.mean_keys_per_leaf, r.min_keys_per_leaf, r.max_keys_per_leaf);
  out += fmt::format("differing keys:         {} in {} leaves\n", r.differing_keys,
                     r.differing_leaves.size());
  out += fmt::format("hash comparisons:       {} below the root (+1 root comparison)\n",
                     r.comparisons);
  out += fmt::format("keys transferred:       {} (both sides of the differing leaves)\n",
                     r.keys_transferred);
  out += fmt::format("vs. full comparison:    {} keys ({:.4f}% of it)\n", 2 * r.keys,
                     r.keys == 0 ? 0.0 : 100.0 * r.keys_transferred / (2.0 * r.keys));
  return out;
}

}  // namespace dt
