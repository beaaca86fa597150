#include "impl/node_bits.h"

#include <gtest/gtest.h>

#include <vector>

namespace dt {
namespace {

std::vector<NodeId> members(const NodeBits& bits) {
  std::vector<NodeId> out;
  bits.for_each([&](NodeId n) { out.push_back(n); });
  return out;
}

TEST(NodeBits, WalksMembersAscendingAcrossWords) {
  NodeBits bits(1000);
  EXPECT_TRUE(bits.none());
  EXPECT_EQ(bits.count(), 0u);
  for (NodeId n : {999u, 0u, 64u, 63u, 512u}) bits.set(n);
  EXPECT_EQ(members(bits), (std::vector<NodeId>{0, 63, 64, 512, 999}));
  EXPECT_EQ(bits.count(), 5u);
  EXPECT_TRUE(bits.test(64) && !bits.test(65));
  bits.reset(64);
  EXPECT_EQ(members(bits), (std::vector<NodeId>{0, 63, 512, 999}));
  EXPECT_EQ(bits.count(), 4u);
  bits.clear();
  EXPECT_TRUE(bits.none());
}

TEST(NodeBits, UnionAndDifferenceAscending) {
  NodeBits a(130), b(130);
  for (NodeId n : {1u, 70u, 129u}) a.set(n);
  for (NodeId n : {2u, 70u, 128u}) b.set(n);
  std::vector<NodeId> in_union, only_a;
  a.for_each_in_union(b, [&](NodeId n) { in_union.push_back(n); });
  a.for_each_not_in(b, [&](NodeId n) { only_a.push_back(n); });
  EXPECT_EQ(in_union, (std::vector<NodeId>{1, 2, 70, 128, 129}));
  EXPECT_EQ(only_a, (std::vector<NodeId>{1, 129}));
}

// Up to 64 nodes the set hashes as the one 64-bit mask the impl always
// fingerprinted, so explore's state identities did not move.
TEST(NodeBits, OneWordFingerprintsAsTheOldMask) {
  NodeBits bits(64);
  bits.set(3);
  bits.set(63);
  Hasher set_hash, mask_hash;
  bits.fingerprint(set_hash);
  mask_hash.add_u64((uint64_t{1} << 3) | (uint64_t{1} << 63));
  EXPECT_EQ(set_hash.finish(), mask_hash.finish());
}

TEST(NodeBitsDeathTest, ANodeOutsideTheClusterIsABug) {
  NodeBits bits(65);
  EXPECT_DEATH(bits.set(65), "outside the set's cluster");
}

}  // namespace
}  // namespace dt
