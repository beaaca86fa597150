#include "checks/id_index.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(IdIndex, StoresDenseAndSparseIds) {
  IdIndex index(100);
  EXPECT_TRUE(index.insert(3, 30));
  EXPECT_TRUE(index.insert(99, 990));
  EXPECT_TRUE(index.insert(1'000'000, 7));
  EXPECT_FALSE(index.insert(3, 31));
  EXPECT_FALSE(index.insert(1'000'000, 8));
  EXPECT_EQ(index.find(3), std::optional<uint32_t>(30));
  EXPECT_EQ(index.find(99), std::optional<uint32_t>(990));
  EXPECT_EQ(index.find(1'000'000), std::optional<uint32_t>(7));
  EXPECT_EQ(index.find(4), std::nullopt);
  EXPECT_EQ(index.find(100), std::nullopt);
  EXPECT_EQ(index.find(5'000'000), std::nullopt);
}

}  // namespace
}  // namespace dt
