#include "sim/network.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

Config five_nodes() {
  Config config;
  config.nodes = 5;
  config.network_delay_min_ns = 1000;
  config.network_delay_max_ns = 5000;
  return config;
}

TEST(Network, BaseLinkDeliversOneCopyWithinTheBaseRange) {
  Network net(five_nodes(), Prng(7));
  TimeNs lowest = kNever, highest = 0;
  for (int i = 0; i < 2000; ++i) {
    const SendPlan plan = net.plan_send(0, 1);
    ASSERT_EQ(plan.copies, 1u);
    ASSERT_EQ(plan.lost, 0u);
    lowest = std::min(lowest, plan.delay_ns[0]);
    highest = std::max(highest, plan.delay_ns[0]);
  }
  EXPECT_GE(lowest, 1000u);
  EXPECT_LE(highest, 5000u);
  EXPECT_LT(lowest, 1100u);   // the range is actually used end to end
  EXPECT_GT(highest, 4900u);
}

TEST(Network, RandomDelaysReorderMessages) {
  Network net(five_nodes(), Prng(7));
  int reordered = 0;
  for (int i = 0; i < 1000; ++i) {
    const TimeNs first = net.plan_send(0, 1).delay_ns[0];
    const TimeNs second = net.plan_send(0, 1).delay_ns[0] + 1;  // sent 1 ns later
    reordered += second < first ? 1 : 0;
  }
  EXPECT_GT(reordered, 300);  // about half of the pairs
  EXPECT_LT(reordered, 700);
}

TEST(Network, LinkDropRateIsRespected) {
  Network net(five_nodes(), Prng(11));
  net.set_link(0, 1, LinkFault{250'000, 0, 1000, 5000});
  uint32_t lost = 0;
  for (int i = 0; i < 10'000; ++i) lost += net.plan_send(0, 1).lost;
  EXPECT_GT(lost, 2300u);
  EXPECT_LT(lost, 2700u);
  // The override is directed: 1 -> 0 is untouched.
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(net.plan_send(1, 0).copies, 1u);
}

TEST(Network, CertainDuplicateSendsTwoCopiesInTheLinkRange) {
  Network net(five_nodes(), Prng(3));
  net.set_link(2, 3, LinkFault{0, 1'000'000, 50'000, 60'000});
  for (int i = 0; i < 500; ++i) {
    const SendPlan plan = net.plan_send(2, 3);
    ASSERT_EQ(plan.copies, 2u);
    for (TimeNs d : plan.delay_ns) {
      ASSERT_GE(d, 50'000u);
      ASSERT_LE(d, 60'000u);
    }
  }
  EXPECT_EQ(net.link(2, 3).duplicate_ppm, 1'000'000u);
}

TEST(Network, CertainDropLosesEveryCopy) {
  Network net(five_nodes(), Prng(3));
  net.set_link(2, 3, LinkFault{1'000'000, 1'000'000, 0, 0});
  const SendPlan plan = net.plan_send(2, 3);
  EXPECT_EQ(plan.copies, 0u);
  EXPECT_EQ(plan.lost, 2u);
  EXPECT_FALSE(plan.dropped_by_partition);
}

TEST(Network, PartitionIsolatesUnlistedNodes) {
  Network net(five_nodes(), Prng(1));
  EXPECT_EQ(net.groups_text(), "0,1,2,3,4");
  net.partition({{2}, {1, 0}});
  EXPECT_TRUE(net.partitioned());
  EXPECT_EQ(net.groups_text(), "0,1|2|3|4");
  EXPECT_TRUE(net.connected(0, 1));
  EXPECT_TRUE(net.connected(1, 0));
  EXPECT_FALSE(net.connected(0, 2));
  EXPECT_FALSE(net.connected(3, 4));
  EXPECT_TRUE(net.connected(3, 3));
  const SendPlan plan = net.plan_send(0, 2);
  EXPECT_EQ(plan.copies, 0u);
  EXPECT_TRUE(plan.dropped_by_partition);
  EXPECT_EQ(plan.lost, 1u);
}

TEST(Network, HealClearsPartitionsAndLinkFaults) {
  Network net(five_nodes(), Prng(1));
  net.partition({{0}, {1, 2, 3, 4}});
  net.set_link(1, 2, LinkFault{1'000'000, 0, 0, 0});
  net.heal();
  EXPECT_FALSE(net.partitioned());
  EXPECT_TRUE(net.connected(0, 4));
  EXPECT_EQ(net.link(1, 2), (LinkFault{0, 0, 1000, 5000}));
  EXPECT_EQ(net.plan_send(1, 2).copies, 1u);
}

TEST(Network, BaseLinkDrawsFromTheConfigDistribution) {
  Config config = five_nodes();
  config.network_delay_distribution = DelayDistribution::exponential;
  config.network_delay_min_ns = 100;
  config.network_delay_max_ns = 1'000'000;
  config.network_delay_mean_ns = 2000;
  ASSERT_TRUE(config.validate().is_ok());
  Network net(config, Prng(8));
  EXPECT_EQ(net.link(0, 1), Network::base_link(config));
  double sum = 0;
  for (int i = 0; i < 20'000; ++i) sum += static_cast<double>(net.plan_send(0, 1).delay_ns[0]);
  EXPECT_NEAR(sum / 20'000, 2100, 60);  // floor + mean; standard error 14 ns
  // A link override with its own range is uniform in it.
  net.set_link(0, 1, LinkFault{0, 0, 7000, 7000});
  EXPECT_EQ(net.plan_send(0, 1).delay_ns[0], 7000u);
  net.heal();
  EXPECT_EQ(net.link(0, 1).delay_distribution, DelayDistribution::exponential);
}

TEST(Network, SameSeedSameDraws) {
  Network a(five_nodes(), Prng(99)), b(five_nodes(), Prng(99)), c(five_nodes(), Prng(100));
  int differing = 0;
  for (int i = 0; i < 100; ++i) {
    const TimeNs da = a.plan_send(0, 1).delay_ns[0];
    ASSERT_EQ(da, b.plan_send(0, 1).delay_ns[0]);
    differing += da != c.plan_send(0, 1).delay_ns[0] ? 1 : 0;
    ASSERT_EQ(a.client_hop_delay_ns(), b.client_hop_delay_ns());
    c.client_hop_delay_ns();
  }
  EXPECT_GT(differing, 90);
}

}  // namespace
}  // namespace dt
