// The quiescence bound: the anti-entropy cycle it rests on, how it grows with
// the ring, and the timings under which no bound exists.
#include "core/convergence_bound.h"

#include <gtest/gtest.h>

#include "core/ring.h"

namespace dt {
namespace {

Config ring(uint32_t nodes, uint32_t n, uint32_t q) {
  Config c;
  c.nodes = nodes;
  c.replicas_n = n;
  c.read_quorum_r = 1;
  c.write_quorum_w = 1;
  c.partitions_q = q;
  return c;
}

// Every node is home for every partition when N = nodes: Q partitions times
// N - 1 peers each.
TEST(ConvergenceBound, CycleCountsEveryPartitionPeerPairOfTheBusiestNode) {
  EXPECT_EQ(anti_entropy_cycle_rounds(ring(3, 3, 8)), 8u * 2);
  EXPECT_EQ(anti_entropy_cycle_rounds(ring(4, 1, 16)), 0u);  // no peers to visit
  // Otherwise the busiest node's share: at least the average Q * N / nodes.
  const Config c = ring(8, 5, 128);
  EXPECT_GE(anti_entropy_cycle_rounds(c), 128u * 5 / 8 * 4);
}

// The run that showed the need (8 nodes, N = 5, Q = 128): 100 rounds are too
// few, and the bound covers a whole cycle of exchanges.
TEST(ConvergenceBound, GrowsWithTheCycleBeyondTheDefaultRounds) {
  Config c = ring(8, 5, 128);
  const ConvergenceBound bound = quiescence_rounds_needed(c);
  ASSERT_TRUE(bound.rounds.has_value()) << bound.why_none;
  EXPECT_GT(*bound.rounds, Config{}.quiescence_rounds);
  const uint64_t cycle_ns = uint64_t{bound.cycle_exchanges} * c.anti_entropy_interval_ns;
  EXPECT_GE(*bound.rounds * c.quiescence_round_ns(), cycle_ns);
  // Twice the partitions, about twice the rounds.
  Config bigger = ring(8, 5, 256);
  EXPECT_GT(*quiescence_rounds_needed(bigger).rounds, *bound.rounds * 3 / 2);
}

TEST(ConvergenceBound, NoneWhenProbesOrExchangesAreSlowerThanTheirTimers) {
  Config slow_probes = ring(3, 3, 8);
  slow_probes.network_delay_max_ns = slow_probes.probe_timeout_ns / 2;
  ConvergenceBound b = quiescence_rounds_needed(slow_probes);
  EXPECT_FALSE(b.rounds.has_value());
  EXPECT_NE(b.why_none.find("probe_timeout_ns"), std::string::npos) << b.why_none;

  Config deep = ring(3, 3, 8);
  deep.merkle_depth = 20;
  deep.network_delay_max_ns = 10 * kMillisecondNs;  // 21 round trips of 20 ms > 300 ms
  b = quiescence_rounds_needed(deep);
  EXPECT_FALSE(b.rounds.has_value());
  EXPECT_NE(b.why_none.find("anti_entropy_interval_ns"), std::string::npos) << b.why_none;
  deep.network_delay_max_ns = 5 * kMillisecondNs;  // 21 x 10 ms = 210 ms: fits
  EXPECT_TRUE(quiescence_rounds_needed(deep).rounds.has_value());
}

}  // namespace
}  // namespace dt
