#include "experiments/merkle_cost.h"

#include <cmath>

#include "core/assert.h"
#include "core/hash.h"
#include "core/types.h"
#include "model/merkle_tree.h"

namespace dt {

namespace {

constexpr uint32_t kMaxDepth = 20;
constexpr uint64_t kHashBytes = 8;
constexpr uint64_t kIndexBytes = 4;
constexpr uint64_t kKeyBytes = 8;

uint64_t content_of(Key key, uint64_t seed) { return hash_u64(key, seed); }

MerkleTree tree_of_keys(uint64_t keys, uint32_t depth, uint64_t seed) {
  MerkleTree tree(depth);
  for (Key key = 0; key < keys; ++key) tree.add_key(key, content_of(key, seed));
  tree.seal();
  return tree;
}

MerkleCostPoint cost_of(const MerkleTree& a, const MerkleCostSetup& setup, uint32_t differing) {
  MerkleTree b = a;
  // Keys past A's range, so each is a key A lacks; their hashes spread them.
  const Key first_missing = setup.keys + (setup.seed << 32);
  for (uint32_t i = 0; i < differing; ++i) {
    b.add_key(first_missing + i, content_of(first_missing + i, setup.seed));
  }
  b.seal();
  const MerkleTreeDiff diff = diff_trees(a, b);
  MerkleCostPoint p;
  p.keys = setup.keys;
  p.depth = a.depth();
  p.differing_keys = differing;
  p.differing_leaves = static_cast<uint32_t>(diff.differing_leaves.size());
  p.comparisons = diff.comparisons;
  for (uint32_t leaf : diff.differing_leaves) {
    p.keys_moved += a.leaf_key_count(leaf) + b.leaf_key_count(leaf);
  }
  if (differing > 0) {
    // Initiator: index + hash per compared node (the root too). Responder: the
    // index of each differing node, root included (comparisons / 2 differing
    // inner nodes, root included, plus the differing leaves).
    p.hash_bytes = (p.comparisons + 1) * (kIndexBytes + kHashBytes) +
                   (p.comparisons / 2 + p.differing_leaves) * kIndexBytes;
  } else {
    p.hash_bytes = kIndexBytes + kHashBytes;  // the root alone, found equal
  }
  p.data_bytes = p.keys_moved * (kKeyBytes + setup.entry_bytes);
  p.full_exchange_bytes = (a.key_count() + b.key_count()) * (kKeyBytes + setup.entry_bytes);
  p.expected_differing_leaves = expected_differing_nodes(p.depth, differing);
  p.expected_comparisons = expected_comparisons(p.depth, differing);
  DT_ASSERT(p.differing_leaves <= differing, "more differing leaves than differing keys");
  DT_ASSERT(p.comparisons <= 2ull * p.depth * differing, "more than 2 per level per key");
  return p;
}

}  // namespace

double expected_differing_nodes(uint32_t level, uint32_t differing) {
  const double nodes = std::ldexp(1.0, static_cast<int>(level));
  return nodes * (1.0 - std::pow(1.0 - 1.0 / nodes, static_cast<double>(differing)));
}

double expected_comparisons(uint32_t depth, uint32_t differing) {
  double total = 0;
  for (uint32_t level = 0; level < depth; ++level) {
    total += 2.0 * expected_differing_nodes(level, differing);
  }
  return total;
}

std::vector<MerkleCostPoint> merkle_repair_cost(const MerkleCostSetup& setup) {
  DT_ASSERT(setup.seed < (uint64_t{1} << 31), "seed must leave room for the missing keys");
  DT_ASSERT(setup.keys < (uint64_t{1} << 32), "keys must stay below the missing keys");
  std::vector<MerkleCostPoint> points;
  for (uint32_t depth : setup.depths) {
    DT_ASSERT(depth <= kMaxDepth, "merkle experiment depth above 20");
    const MerkleTree a = tree_of_keys(setup.keys, depth, setup.seed);
    for (uint32_t differing : setup.differing_keys) points.push_back(cost_of(a, setup, differing));
  }
  DT_ASSERT(points.size() == setup.depths.size() * setup.differing_keys.size(), "a point each");
  return points;
}

}  // namespace dt
