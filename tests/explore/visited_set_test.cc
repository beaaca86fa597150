#include "explore/visited_set.h"

#include <gtest/gtest.h>

#include <set>

#include "core/hash.h"

namespace dt {

TEST(VisitedSet, InsertsOnceAndGrows) {
  VisitedSet set;
  std::set<uint64_t> reference;
  for (uint64_t i = 1; i <= 50'000; ++i) {
    const uint64_t f = hash_u64(i % 30'000) | 1;
    EXPECT_EQ(set.insert(f), reference.insert(f).second);
  }
  EXPECT_EQ(set.size(), reference.size());
  for (uint64_t f : reference) EXPECT_TRUE(set.contains(f));
  EXPECT_LE(set.bytes() / set.size(), 32u);
}

}  // namespace dt
