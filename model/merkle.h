// The model's Merkle trees: rebuilt in full from the main store every time one
// is needed (hints are never included), and the data of chosen leaves.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "model/merkle_tree.h"
#include "model/store.h"

namespace dt {

// The tree of `partition` over the keys of `store` in that partition.
MerkleTree build_partition_tree(const VersionStore& store, const Config& config,
                                uint32_t partition);
// The root of that tree, computed sparsely (same value, see sparse_root).
uint64_t partition_root(const VersionStore& store, const Config& config, uint32_t partition);
// Every key of `store` in `partition` whose leaf is one of `leaves`, by key.
std::vector<KeyData> leaf_data(const VersionStore& store, const Config& config, uint32_t partition,
                               const std::vector<uint32_t>& leaves);

}  // namespace dt
