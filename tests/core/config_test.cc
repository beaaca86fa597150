// Config validation names the field and the reason.
#include "core/config.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(Config, DefaultIsValid) { EXPECT_TRUE(Config{}.validate().is_ok()); }

TEST(Config, RejectsReadQuorumAboveN) {
  Config c;
  c.read_quorum_r = 4;
  const Status s = c.validate();
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), "config.read_quorum_r: 4 is more than replicas_n (3)");
}

TEST(Config, RejectsNAboveNodes) {
  Config c;
  c.nodes = 2;
  const Status s = c.validate();
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), "config.replicas_n: 3 is more than nodes (2)");
}

TEST(Config, RejectsFewerPartitionsThanNodes) {
  Config c;
  c.partitions_q = 4;
  const Status s = c.validate();
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), "config.partitions_q: 4 is fewer than nodes (5)");
}

TEST(Config, RejectsZeroNodes) {
  Config c;
  c.nodes = 0;
  const Status s = c.validate();
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), "config.nodes: 0 is out of range (1..64)");
}

TEST(Config, RejectsInvertedDelayRange) {
  Config c;
  c.network_delay_min_ns = 10;
  c.network_delay_max_ns = 5;
  EXPECT_FALSE(c.validate().is_ok());
}

TEST(Config, ParsesModes) {
  EXPECT_EQ(parse_quorum_mode("strict").value(), QuorumMode::strict);
  EXPECT_FALSE(parse_quorum_mode("lax").is_ok());
  EXPECT_EQ(parse_hint_store_mode("volatile").value(), HintStoreMode::volatile_);
  EXPECT_EQ(parse_versioning("lww").value(), Versioning::lww);
  EXPECT_EQ(parse_versioning("x").error(), "\"x\" is not a versioning (vclock|lww)");
}

}  // namespace
}  // namespace dt
