// The decoder is total: any bytes give a valid schedule, and the same bytes
// always give the same schedule.
#include "fuzz/schedule_decoder.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <vector>

#include "core/convergence_bound.h"
#include "core/schedule_validate.h"

namespace dt {
namespace {

void expect_valid(const Schedule& s) {
  RC_ASSERT(s.config.validate().is_ok());
  RC_ASSERT(validate_schedule(s).is_ok());
  for (size_t i = 1; i < s.events.size(); ++i) RC_ASSERT(s.events[i - 1].at_ns <= s.events[i].at_ns);
  for (const ScheduleEvent& e : s.events) {
    RC_ASSERT(e.at_ns < s.workload.duration_ns);
    if (e.node != kNoNode) RC_ASSERT(e.node < s.config.nodes);
    if (e.kind == EventKind::link) RC_ASSERT(e.from != e.to);
  }
}

RC_GTEST_PROP(ScheduleDecoder, AnyBytesDecodeToAValidSchedule, (const std::vector<uint8_t>& bytes)) {
  const DecodedSchedule d = decode_schedule(bytes);
  expect_valid(d.schedule);
  RC_ASSERT(decode_schedule(bytes).schedule == d.schedule);
}

RC_GTEST_PROP(ScheduleDecoder, AnyBytesDecodeToAValidLargeScheduleThatCanQuiesce,
              (const std::vector<uint8_t>& bytes)) {
  const DecodedSchedule d = decode_schedule(bytes, DrawScale::large);
  expect_valid(d.schedule);
  const ConvergenceBound bound = quiescence_rounds_needed(d.schedule.config);
  if (bound.rounds) RC_ASSERT(d.schedule.config.quiescence_rounds >= *bound.rounds);
}

// Small draws are what every campaign seed, regression and doc refers to:
// the quiescence bound never raises their rounds, over every config in the
// small ranges (3-6 nodes, N 2-4, Q 8 or 16, Merkle depth 1-10).
TEST(ScheduleDecoder, SmallDrawsKeepTheDefaultQuiescenceRounds) {
  for (uint32_t nodes = 3; nodes <= 6; ++nodes) {
    for (uint32_t n = 2; n <= std::min<uint32_t>(4, nodes); ++n) {
      for (uint32_t q : {8u, 16u}) {
        for (uint32_t depth = 1; depth <= 10; ++depth) {
          Config c;
          c.nodes = nodes;
          c.replicas_n = n;
          c.partitions_q = q;
          c.merkle_depth = depth;
          const ConvergenceBound bound = quiescence_rounds_needed(c);
          ASSERT_TRUE(bound.rounds.has_value()) << bound.why_none;
          EXPECT_LE(*bound.rounds, Config{}.quiescence_rounds)
              << nodes << " nodes, N " << n << ", Q " << q << ", depth " << depth;
        }
      }
    }
  }
  for (uint64_t seed = 0; seed < 500; ++seed) {
    EXPECT_EQ(draw_schedule(seed).schedule.config.quiescence_rounds, Config{}.quiescence_rounds);
  }
}

TEST(ScheduleDecoder, LargeDrawsSpanLargerClustersAndWorkloads) {
  uint32_t max_nodes = 0, min_nodes = UINT32_MAX, max_ops = 0, raised_rounds = 0;
  uint32_t with_bound = 0, other_timings = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    const Schedule s = draw_schedule(seed, DrawScale::large).schedule;
    ASSERT_TRUE(validate_schedule(s).is_ok()) << validate_schedule(s).message();
    max_nodes = std::max(max_nodes, s.config.nodes);
    min_nodes = std::min(min_nodes, s.config.nodes);
    max_ops = std::max(max_ops, s.workload.ops);
    raised_rounds += s.config.quiescence_rounds > Config{}.quiescence_rounds;
    with_bound += quiescence_rounds_needed(s.config).rounds.has_value();
    other_timings += s.config.replica_timeout_ns != Config{}.replica_timeout_ns;
    EXPECT_NE(s, draw_schedule(seed).schedule);
  }
  EXPECT_EQ(min_nodes, 7u);
  EXPECT_GE(max_nodes, 35u);
  EXPECT_GE(max_ops, 500u);
  EXPECT_GT(raised_rounds, 0u);  // some rings need more than the default
  EXPECT_GT(with_bound, 200u);   // most timings promise convergence
  EXPECT_LT(with_bound, 300u);   // some do not, and the checkers must say so
  EXPECT_GT(other_timings, 250u);
  EXPECT_EQ(parse_draw_scale("large"), DrawScale::large);
  EXPECT_EQ(parse_draw_scale("small"), DrawScale::small);
  EXPECT_EQ(parse_draw_scale("huge"), DrawScale::huge);
  EXPECT_FALSE(parse_draw_scale("giant").has_value());
}

// Huge draws are past one 64-bit word of nodes, and their partitions split
// the whole cluster (both sides non-empty, every node on one side).
TEST(ScheduleDecoder, HugeDrawsSpanPastSixtyFourNodesAndSplitThemAll) {
  uint32_t max_nodes = 0, min_nodes = UINT32_MAX, partitions = 0, high_side_mixed = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    const Schedule s = draw_schedule(seed, DrawScale::huge).schedule;
    ASSERT_TRUE(validate_schedule(s).is_ok()) << validate_schedule(s).message();
    max_nodes = std::max(max_nodes, s.config.nodes);
    min_nodes = std::min(min_nodes, s.config.nodes);
    EXPECT_GE(s.config.partitions_q, s.config.nodes);
    for (const ScheduleEvent& e : s.events) {
      if (e.kind != EventKind::partition) continue;
      ++partitions;
      ASSERT_EQ(e.groups.size(), 2u);
      EXPECT_FALSE(e.groups[0].empty());
      EXPECT_FALSE(e.groups[1].empty());
      EXPECT_EQ(e.groups[0].size() + e.groups[1].size(), s.config.nodes);
      // Nodes past 64 land on both sides across draws (not one word reused).
      const bool high_in_0 = std::any_of(e.groups[0].begin(), e.groups[0].end(),
                                         [](NodeId n) { return n >= 64; });
      const bool high_in_1 = std::any_of(e.groups[1].begin(), e.groups[1].end(),
                                         [](NodeId n) { return n >= 64; });
      high_side_mixed += high_in_0 && high_in_1;
    }
  }
  EXPECT_EQ(min_nodes, 65u);
  EXPECT_GE(max_nodes, 120u);
  EXPECT_GT(partitions, 50u);
  EXPECT_GT(high_side_mixed, partitions / 2);
}

TEST(ScheduleDecoder, EmptyInputDecodes) {
  const DecodedSchedule d = decode_schedule({});
  EXPECT_TRUE(d.schedule.config.validate().is_ok());
  EXPECT_EQ(d.swarm.describe(), "no-faults faults=0");
}

TEST(ScheduleDecoder, DrawIsDeterministicAndSeedSensitive) {
  EXPECT_EQ(draw_schedule(7).schedule, draw_schedule(7).schedule);
  EXPECT_NE(draw_schedule(7).schedule, draw_schedule(8).schedule);
  EXPECT_EQ(draw_schedule(7).schedule.seed, 7u);
}

TEST(ScheduleDecoder, SwarmVariesAcrossSeeds) {
  int with_crash = 0, with_partition = 0, without_faults = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    const SwarmProfile s = draw_schedule(seed).swarm;
    with_crash += s.crash;
    with_partition += s.partition;
    without_faults += s.fault_events == 0;
  }
  EXPECT_GT(with_crash, 50);
  EXPECT_LT(with_crash, 150);
  EXPECT_GT(with_partition, 50);
  EXPECT_GT(without_faults, 0);
}

}  // namespace
}  // namespace dt
