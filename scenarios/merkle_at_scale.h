// Exercise 3 at full size: a node with 16M keys and a depth-16 Merkle tree.
// Two replicas differ in a few keys; the exchange finds them comparing 2
// hashes per level below the root and moves only the differing leaves' keys.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dt {

struct MerkleScaleResult {
  uint64_t keys = 0;
  uint32_t depth = 0;
  uint32_t leaves = 0;
  double mean_keys_per_leaf = 0;
  uint64_t min_keys_per_leaf = 0;
  uint64_t max_keys_per_leaf = 0;
  uint32_t differing_keys = 0;
  std::vector<uint32_t> differing_leaves;
  uint64_t comparisons = 0;       // below the root
  uint64_t keys_transferred = 0;  // both sides' keys of the differing leaves
};

// REQUIRES: differing_keys <= keys, depth <= 24.
MerkleScaleResult run_merkle_at_scale(uint64_t keys, uint32_t depth, uint32_t differing_keys);
std::string format_merkle_scale(const MerkleScaleResult& result);

}  // namespace dt
