#include "checks/home_placement.h"

#include <gtest/gtest.h>

#include "core/ring.h"
#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(HomePlacement, AgreesWithTheRing) {
  const Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  const HomePlacement placement(config);
  ASSERT_EQ(placement.partitions(), config.partitions_q);
  for (Key key = 0; key < 64; ++key) {
    const uint32_t p = partition_of(key, config.partitions_q);
    EXPECT_EQ(placement.partition(key), p);
    EXPECT_EQ(placement.home_of_key(key), home_replicas(config, p));
    for (NodeId n : home_replicas(config, p)) EXPECT_TRUE(placement.is_home(key, n));
  }
  EXPECT_EQ(test::home_of(config, 5).size() + test::non_home_of(config, 5).size(), 5u);
}

}  // namespace
}  // namespace dt
