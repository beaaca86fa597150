// Exercise 3 at a size a unit test affords (the full 16M-key run is
// `dynamo-testbed scenario merkle-at-scale`): comparisons are 2 per level,
// keys per leaf are keys / 2^depth on average.
#include "scenarios/merkle_at_scale.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(MerkleAtScale, OneDifferingKeyCostsTwoComparisonsPerLevel) {
  const MerkleScaleResult r = run_merkle_at_scale(1u << 18, 10, 1);
  EXPECT_EQ(r.leaves, 1024u);
  EXPECT_DOUBLE_EQ(r.mean_keys_per_leaf, 256.0);
  ASSERT_EQ(r.differing_leaves.size(), 1u);
  EXPECT_EQ(r.comparisons, 20u);
  EXPECT_GE(r.keys_transferred, 2 * r.min_keys_per_leaf);
  EXPECT_LE(r.keys_transferred, 2 * r.max_keys_per_leaf);
}

TEST(MerkleAtScale, NoDifferenceCostsNothingBelowTheRoot) {
  const MerkleScaleResult r = run_merkle_at_scale(10'000, 8, 0);
  EXPECT_TRUE(r.differing_leaves.empty());
  EXPECT_EQ(r.comparisons, 0u);
  EXPECT_EQ(r.keys_transferred, 0u);
}

TEST(MerkleAtScale, ManyDifferencesShareUpperLevels) {
  const MerkleScaleResult r = run_merkle_at_scale(1u << 16, 8, 10);
  EXPECT_LE(r.differing_leaves.size(), 10u);
  EXPECT_GE(r.differing_leaves.size(), 8u);
  // Never more than 2 comparisons per differing node per level.
  EXPECT_LE(r.comparisons, 2u * 8u * 10u);
}

}  // namespace
}  // namespace dt
