#include "impl/flat_map.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <string>

namespace dt {
namespace {

TEST(FlatMapTest, InsertFindEraseAndSortedKeys) {
  FlatMap<std::string> map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.find(7), nullptr);
  EXPECT_FALSE(map.erase(7));
  map[7] = "seven";
  map[3] = "three";
  map[1'000'000'000'000] = "big";
  EXPECT_EQ(map.size(), 3u);
  ASSERT_NE(map.find(3), nullptr);
  EXPECT_EQ(*map.find(3), "three");
  EXPECT_EQ(map.sorted_keys(), (std::vector<uint64_t>{3, 7, 1'000'000'000'000}));
  EXPECT_TRUE(map.erase(7));
  EXPECT_FALSE(map.erase(7));
  EXPECT_EQ(map.find(7), nullptr);
  EXPECT_EQ(map.sorted_keys(), (std::vector<uint64_t>{3, 1'000'000'000'000}));
  map.clear();
  EXPECT_TRUE(map.empty());
  EXPECT_TRUE(map.sorted_keys().empty());
}

TEST(FlatMapTest, GrowsAndKeepsEveryKeyThroughRehashes) {
  FlatMap<uint64_t> map;
  for (uint64_t k = 0; k < 10'000; ++k) map[k * 3] = k;
  EXPECT_EQ(map.size(), 10'000u);
  EXPECT_LE(map.size() * 4, map.capacity() * 3);  // load factor at most 3/4
  for (uint64_t k = 0; k < 10'000; ++k) {
    ASSERT_NE(map.find(k * 3), nullptr);
    EXPECT_EQ(*map.find(k * 3), k);
    EXPECT_EQ(map.find(k * 3 + 1), nullptr);
  }
}

// Random inserts and erases (over a small key space, so probe runs collide
// and backward-shift deletion is exercised) behave like std::map.
RC_GTEST_PROP(FlatMapTest, BehavesLikeStdMap, (const std::vector<std::pair<bool, uint8_t>>& ops)) {
  FlatMap<int> map;
  std::map<uint64_t, int> reference;
  int stamp = 0;
  for (const auto& [insert, small_key] : ops) {
    const uint64_t key = small_key % 64;
    if (insert) {
      map[key] = ++stamp;
      reference[key] = stamp;
    } else {
      RC_ASSERT(map.erase(key) == (reference.erase(key) > 0));
    }
  }
  RC_ASSERT(map.size() == reference.size());
  std::vector<uint64_t> keys;
  for (const auto& [key, value] : reference) {
    keys.push_back(key);
    RC_ASSERT(map.find(key) != nullptr);
    RC_ASSERT(*map.find(key) == value);
  }
  RC_ASSERT(map.sorted_keys() == keys);
}

}  // namespace
}  // namespace dt
