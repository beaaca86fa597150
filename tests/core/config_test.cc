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
  EXPECT_EQ(s.message(), "config.nodes: 0 is out of range (1..1024)");
}

TEST(Config, AcceptsAThousandNodesAndRejectsMoreThanTheLimit) {
  Config c;
  c.nodes = 1000;
  c.partitions_q = 1024;
  EXPECT_TRUE(c.validate().is_ok());
  c.nodes = kMaxNodes + 1;
  c.partitions_q = 4096;
  ASSERT_FALSE(c.validate().is_ok());
  EXPECT_EQ(c.validate().message(), "config.nodes: 1025 is out of range (1..1024)");
}

// Up to 64 nodes the tags are the ones runs always had (request_id * 64 +
// target); past that the stride must still leave room for every target.
TEST(Config, ReplicaTimeoutStrideCoversEveryNode) {
  EXPECT_EQ(replica_timeout_stride(1), 64u);
  EXPECT_EQ(replica_timeout_stride(64), 64u);
  EXPECT_EQ(replica_timeout_stride(65), 128u);
  EXPECT_EQ(replica_timeout_stride(1000), 1024u);
  EXPECT_EQ(replica_timeout_stride(kMaxNodes), 1024u);
}

TEST(Config, RejectsInvertedDelayRange) {
  Config c;
  c.network_delay_min_ns = 10;
  c.network_delay_max_ns = 5;
  EXPECT_FALSE(c.validate().is_ok());
}

Config exponential_delays() {
  Config c;
  c.network_delay_distribution = DelayDistribution::exponential;
  c.network_delay_mean_ns = 2 * kMillisecondNs;
  c.network_delay_max_ns = 100 * kMillisecondNs;
  return c;
}

TEST(Config, AcceptsExponentialAndParetoDelays) {
  EXPECT_TRUE(exponential_delays().validate().is_ok());
  Config c = exponential_delays();
  c.network_delay_distribution = DelayDistribution::pareto;
  c.network_delay_pareto_shape_milli = 1500;
  EXPECT_TRUE(c.validate().is_ok());
}

TEST(Config, RejectsDelayFieldsTheDistributionDoesNotUse) {
  Config c;
  c.network_delay_mean_ns = 7;
  EXPECT_EQ(c.validate().message(),
            "config.network_delay_mean_ns: 7 is set, but network_delay_distribution uniform "
            "does not use it");
  c = exponential_delays();
  c.network_delay_pareto_shape_milli = 2000;
  EXPECT_EQ(c.validate().message(),
            "config.network_delay_pareto_shape_milli: 2000 is set, but "
            "network_delay_distribution exponential does not use it");
}

TEST(Config, RejectsMissingMeanAndHeavyParetoShape) {
  Config c = exponential_delays();
  c.network_delay_mean_ns = 0;
  EXPECT_EQ(c.validate().message(),
            "config.network_delay_mean_ns: 0, but network_delay_distribution exponential "
            "needs a mean of at least 1 ns");
  c = exponential_delays();
  c.network_delay_distribution = DelayDistribution::pareto;
  c.network_delay_pareto_shape_milli = 1000;
  EXPECT_EQ(c.validate().message(),
            "config.network_delay_pareto_shape_milli: 1000 is not above 1000 (a Pareto "
            "shape <= 1 has no finite mean)");
  c.network_delay_pareto_shape_milli = 100'001;
  EXPECT_EQ(c.validate().message(),
            "config.network_delay_pareto_shape_milli: 100001 is out of range (0..100000)");
  c.network_delay_pareto_shape_milli = 2000;
  c.network_delay_mean_ns = 11 * kSecondNs;
  EXPECT_EQ(c.validate().message(),
            "config.network_delay_mean_ns: 11000000000 is out of range (0..10000000000)");
}

TEST(Config, ParsesModes) {
  EXPECT_EQ(parse_quorum_mode("strict").value(), QuorumMode::strict);
  EXPECT_FALSE(parse_quorum_mode("lax").is_ok());
  EXPECT_EQ(parse_hint_store_mode("volatile").value(), HintStoreMode::volatile_);
  EXPECT_EQ(parse_versioning("lww").value(), Versioning::lww);
  EXPECT_EQ(parse_versioning("x").error(), "\"x\" is not a versioning (vclock|lww)");
  EXPECT_EQ(parse_delay_distribution("pareto").value(), DelayDistribution::pareto);
  EXPECT_EQ(parse_probe_scope("neighbors").value(), ProbeScope::neighbors);
  EXPECT_EQ(std::string(to_string(ProbeScope::all)), "all");
  EXPECT_EQ(parse_probe_scope("ring").error(), "\"ring\" is not a probe scope (all|neighbors)");
  EXPECT_EQ(parse_delay_distribution("normal").error(),
            "\"normal\" is not a delay distribution (uniform|exponential|pareto)");
}

}  // namespace
}  // namespace dt
