#include "checks/merkle_root.h"

#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/ring.h"
#include "tests/checks/builders.h"

namespace dt {
namespace {

// Two keys of one partition that fall in different leaves at depth 1, and
// one key of another partition.
struct Keys {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  HomePlacement placement{config};
  Key a = 0, b = 0, other = 0;
  Keys() {
    for (Key k = 1; b == 0; ++k) {
      if (a == 0) {
        a = k;
      } else if (placement.partition(k) == placement.partition(a) &&
                 merkle_leaf_of(k, 1) != merkle_leaf_of(a, 1)) {
        b = k;
      }
    }
    for (Key k = 1; other == 0; ++k) {
      if (placement.partition(k) != placement.partition(a)) other = k;
    }
  }
  uint64_t entry(Key k, const Siblings& s) const { return hash_combine(key_hash(k), hash_siblings(s)); }
};

TEST(MerkleRoot, AnEmptyPartitionHashesEmptyLeavesUpToTheRoot) {
  Keys k;
  const uint32_t p = k.placement.partition(k.a);
  EXPECT_EQ(expected_merkle_root({}, k.placement, p, 0), 0u);
  EXPECT_EQ(expected_merkle_root({}, k.placement, p, 1), hash_combine(0, 0));
  EXPECT_EQ(expected_merkle_root({}, k.placement, p, 2),
            hash_combine(hash_combine(0, 0), hash_combine(0, 0)));
}

TEST(MerkleRoot, IsComputedFromThePartitionsKeysOnly) {
  Keys k;
  const uint32_t p = k.placement.partition(k.a);
  const Siblings sa{test::version(1, 0, 1)};
  const Siblings sb{test::version(2, 1, 1)};
  const std::map<Key, Siblings> store{{k.a, sa}, {k.b, sb}, {k.other, sa}};
  // Depth 0: the root is the one leaf, the wrapping sum of both entries.
  EXPECT_EQ(expected_merkle_root(store, k.placement, p, 0), k.entry(k.a, sa) + k.entry(k.b, sb));
  // Depth 1: a and b sit in different leaves, in leaf-index order.
  const uint64_t leaf_a = k.entry(k.a, sa);
  const uint64_t leaf_b = k.entry(k.b, sb);
  const bool a_left = merkle_leaf_of(k.a, 1) == 0;
  EXPECT_EQ(expected_merkle_root(store, k.placement, p, 1),
            a_left ? hash_combine(leaf_a, leaf_b) : hash_combine(leaf_b, leaf_a));
  // The key of another partition changes nothing; it has a root of its own.
  const std::map<Key, Siblings> without_other{{k.a, sa}, {k.b, sb}};
  for (uint32_t depth : {0u, 1u, 5u, 16u}) {
    EXPECT_EQ(expected_merkle_root(store, k.placement, p, depth),
              expected_merkle_root(without_other, k.placement, p, depth));
  }
  EXPECT_NE(expected_merkle_root(store, k.placement, k.placement.partition(k.other), 3),
            expected_merkle_root({}, k.placement, k.placement.partition(k.other), 3));
}

TEST(MerkleRoot, ChangesWithAnySiblingOfAnyKey) {
  Keys k;
  const uint32_t p = k.placement.partition(k.a);
  const std::map<Key, Siblings> base{{k.a, {test::version(1, 0, 1)}}, {k.b, {test::version(2, 1, 1)}}};
  std::map<Key, Siblings> changed = base;
  changed[k.b] = {test::version(3, 1, 2)};
  for (uint32_t depth : {0u, 1u, 8u}) {
    EXPECT_NE(expected_merkle_root(base, k.placement, p, depth),
              expected_merkle_root(changed, k.placement, p, depth));
  }
}

}  // namespace
}  // namespace dt
