// The cost of one Merkle anti-entropy exchange between two replicas of a
// partition, against the number of keys that differ and the tree depth, up
// to 16M keys. Trees are built from key and content hashes with the model's
// MerkleTree (model/merkle_tree.h, the code the merkle-at-scale scenario and
// bench/impl use), never from full stores: a tree costs 2^(depth+1) hashes
// and 2^depth key counts whatever the key count, so 16M keys fit easily.
// Replica B holds every key of A plus `differing` keys A missed (writes that
// reached B only); the exchange is diffed the way the protocol does it
// (core/messages.h: MerkleCompare per level, MerkleDiff, MerkleLeafData).
#pragma once

#include <cstdint>
#include <vector>

namespace dt {

struct MerkleCostPoint {
  uint64_t keys = 0;              // on replica A
  uint32_t depth = 0;
  uint32_t differing_keys = 0;    // on B only
  uint32_t differing_leaves = 0;
  uint64_t comparisons = 0;       // hashes compared below the root
  uint64_t keys_moved = 0;        // both sides' keys of the differing leaves
  uint64_t hash_bytes = 0;        // MerkleCompare + MerkleDiff payloads
  uint64_t data_bytes = 0;        // MerkleLeafData payloads
  uint64_t full_exchange_bytes = 0;  // both sides sending every key instead
  double expected_differing_leaves = 0;  // for uniformly hashed keys
  double expected_comparisons = 0;
};

struct MerkleCostSetup {
  uint64_t keys = 1u << 20;
  std::vector<uint32_t> depths;           // each <= 20
  std::vector<uint32_t> differing_keys;   // each point's count
  uint32_t entry_bytes = 100;             // bytes one key's data takes on the wire
  uint64_t seed = 1;                      // which keys differ
};

// One point per (depth, differing) pair, depth-major. Builds one tree per depth.
std::vector<MerkleCostPoint> merkle_repair_cost(const MerkleCostSetup& setup);

// Expected distinct differing leaves and comparisons when `differing` keys
// fall uniformly into 2^depth leaves: a node at level l differs with
// probability 1 - (1 - 2^-l)^differing; each differing inner node costs 2.
double expected_differing_nodes(uint32_t level, uint32_t differing);
double expected_comparisons(uint32_t depth, uint32_t differing);

}  // namespace dt
