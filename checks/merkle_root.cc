#include "checks/merkle_root.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/ring.h"

namespace dt {

namespace {

using LeafHashes = std::vector<std::pair<uint64_t, uint64_t>>;  // (leaf, hash), leaf ascending

// The hash of the subtree whose leaves are [first_leaf, first_leaf + 2^height),
// given the non-empty leaves of that range in [begin, end). An empty subtree's
// hash depends only on its height (empty_by_height).
uint64_t subtree_hash(LeafHashes::const_iterator begin, LeafHashes::const_iterator end,
                      uint64_t first_leaf, uint32_t height,
                      const std::vector<uint64_t>& empty_by_height) {
  if (begin == end) return empty_by_height[height];
  if (height == 0) {
    DT_ASSERT(end - begin == 1 && begin->first == first_leaf, "one leaf per leaf index");
    return begin->second;
  }
  const uint64_t middle = first_leaf + (uint64_t{1} << (height - 1));
  const auto split = std::lower_bound(
      begin, end, middle, [](const auto& leaf, uint64_t bound) { return leaf.first < bound; });
  return hash_combine(subtree_hash(begin, split, first_leaf, height - 1, empty_by_height),
                      subtree_hash(split, end, middle, height - 1, empty_by_height));
}

}  // namespace

uint64_t expected_merkle_root(const std::map<Key, Siblings>& store, const HomePlacement& placement,
                              uint32_t partition, uint32_t depth) {
  DT_ASSERT(depth <= 32, "merkle depth above 32");
  DT_ASSERT(partition < placement.partitions(), "partition out of range");
  std::map<uint64_t, uint64_t> sums;  // leaf -> sum of its keys' entries
  for (const auto& [key, siblings] : store) {
    if (placement.partition(key) != partition) continue;
    sums[merkle_leaf_of(key, depth)] += hash_combine(key_hash(key), hash_siblings(siblings));
  }
  std::vector<uint64_t> empty_by_height{0};
  for (uint32_t h = 1; h <= depth; ++h) {
    empty_by_height.push_back(hash_combine(empty_by_height.back(), empty_by_height.back()));
  }
  const LeafHashes leaves(sums.begin(), sums.end());
  return subtree_hash(leaves.begin(), leaves.end(), 0, depth, empty_by_height);
}

}  // namespace dt
