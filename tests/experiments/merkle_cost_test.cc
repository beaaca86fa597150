// Merkle repair cost: exact costs where they are known (no difference, one
// differing key), bounds elsewhere, and agreement with the expectation for
// uniformly hashed keys.
#include "experiments/merkle_cost.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

MerkleCostSetup small_setup() {
  MerkleCostSetup setup;
  setup.keys = 1u << 16;
  setup.depths = {8, 12};
  setup.differing_keys = {0, 1, 100};
  setup.entry_bytes = 100;
  return setup;
}

TEST(MerkleCost, NoDifferenceCostsOneRootHash) {
  const std::vector<MerkleCostPoint> points = merkle_repair_cost(small_setup());
  ASSERT_EQ(points.size(), 6u);
  const MerkleCostPoint& p = points[0];
  EXPECT_EQ(p.depth, 8u);
  EXPECT_EQ(p.comparisons, 0u);
  EXPECT_EQ(p.keys_moved, 0u);
  EXPECT_EQ(p.hash_bytes, 12u);
  EXPECT_EQ(p.data_bytes, 0u);
}

TEST(MerkleCost, OneDifferingKeyCostsTwoComparisonsPerLevel) {
  const std::vector<MerkleCostPoint> points = merkle_repair_cost(small_setup());
  for (const MerkleCostPoint& p : {points[1], points[4]}) {
    EXPECT_EQ(p.differing_leaves, 1u);
    EXPECT_EQ(p.comparisons, 2u * p.depth);
    // One leaf of about keys / 2^depth keys, both sides, plus the new key.
    const double per_leaf = static_cast<double>(p.keys) / (1u << p.depth);
    EXPECT_NEAR(static_cast<double>(p.keys_moved), 2 * per_leaf + 1, 0.5 * per_leaf);
    EXPECT_EQ(p.data_bytes, p.keys_moved * 108);
    EXPECT_EQ(p.hash_bytes, (p.comparisons + 1) * 12 + (p.depth + 1) * 4);
  }
}

TEST(MerkleCost, ManyDifferencesMatchTheExpectation) {
  const std::vector<MerkleCostPoint> points = merkle_repair_cost(small_setup());
  for (const MerkleCostPoint& p : {points[2], points[5]}) {
    EXPECT_LE(p.differing_leaves, 100u);
    EXPECT_NEAR(p.differing_leaves, p.expected_differing_leaves, 8.0);
    EXPECT_NEAR(static_cast<double>(p.comparisons), p.expected_comparisons,
                0.1 * p.expected_comparisons);
    EXPECT_LT(p.data_bytes, p.full_exchange_bytes);
  }
}

TEST(MerkleCost, ExpectationByHand) {
  EXPECT_DOUBLE_EQ(expected_differing_nodes(0, 3), 1.0);
  EXPECT_DOUBLE_EQ(expected_differing_nodes(1, 2), 1.5);  // 2 * (1 - 1/4)
  EXPECT_DOUBLE_EQ(expected_comparisons(4, 1), 8.0);
  EXPECT_DOUBLE_EQ(expected_comparisons(4, 0), 0.0);
}

}  // namespace
}  // namespace dt
