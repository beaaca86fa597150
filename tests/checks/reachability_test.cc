#include "checks/reachability.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(Reachability, ParsesPartitionGroups) {
  const Result<std::vector<int>> groups = parse_partition_groups("0,1|2,3,4", 5);
  ASSERT_TRUE(groups.is_ok()) << groups.error();
  EXPECT_EQ(groups.value(), (std::vector<int>{0, 0, 1, 1, 1}));
  const Result<std::vector<int>> partial = parse_partition_groups("3|1", 5);
  ASSERT_TRUE(partial.is_ok());
  EXPECT_EQ(partial.value(), (std::vector<int>{-1, 1, -1, 0, -1}));
}

TEST(Reachability, RejectsBadPartitionGroups) {
  const auto out_of_range = parse_partition_groups("0,7", 5);
  ASSERT_FALSE(out_of_range.is_ok());
  EXPECT_EQ(out_of_range.error(), "partition groups \"0,7\": \"7\" is not a node id below 5");
  const auto twice = parse_partition_groups("0,1|1", 5);
  ASSERT_FALSE(twice.is_ok());
  EXPECT_EQ(twice.error(), "partition groups \"0,1|1\": node 1 is in two groups");
  EXPECT_FALSE(parse_partition_groups("", 5).is_ok());
}

TEST(Reachability, OnlyDirectLinksCountNeverAPathThroughAThirdNode) {
  // 0 -> 1 drops everything; 0-2 and 2-1 work. Nodes never relay, so 0 cannot
  // reach 1 (in either direction: a request and its reply both need the link).
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  test::TraceBuilder trace;
  trace.link(10, 0, 1, 1'000'000).record(20, TraceKind::healed, kNoNode);
  const ReplicaTrace t = trace.build();
  const auto timeline = ReachabilityTimeline::build(config, t);
  ASSERT_TRUE(timeline.is_ok());
  const auto& segments = timeline.value().segments();
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_FALSE(ReachabilityTimeline::connected(segments[1], 0, 1));
  EXPECT_FALSE(ReachabilityTimeline::connected(segments[1], 1, 0));
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[1], 0, 2));
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[1], 2, 1));
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[1], 0, 0));
  EXPECT_FALSE(segments[1].link_faults) << "a cut link is not a lossy one";
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[2], 0, 1));
}

TEST(Reachability, SegmentsFollowFaults) {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  test::TraceBuilder trace;
  trace.fault(10, TraceKind::crashed, 4).partitioned(20, "0,1|2,3,4").record(30, TraceKind::healed,
                                                                            kNoNode);
  const ReplicaTrace t = trace.build();
  const auto timeline = ReachabilityTimeline::build(config, t);
  ASSERT_TRUE(timeline.is_ok());
  const auto& segments = timeline.value().segments();
  ASSERT_EQ(segments.size(), 4u);
  for (const NetworkSegment& segment : segments) {
    EXPECT_EQ(segment.up.size(), config.nodes);  // one flag per node, none past the last
    EXPECT_EQ(segment.direct.size(), size_t{config.nodes} * config.nodes);
  }
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[0], 0, 4));
  EXPECT_FALSE(ReachabilityTimeline::connected(segments[1], 0, 4));
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[1], 0, 3));
  EXPECT_FALSE(ReachabilityTimeline::connected(segments[2], 0, 3));
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[2], 2, 3));
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[3], 0, 3));
  EXPECT_FALSE(ReachabilityTimeline::connected(segments[3], 0, 4));  // still crashed
  EXPECT_EQ(timeline.value().overlapping(15, 25), (std::pair<size_t, size_t>{1, 3}));
  EXPECT_EQ(timeline.value().overlapping(0, 5), (std::pair<size_t, size_t>{0, 1}));
  EXPECT_EQ(timeline.value().overlapping(35, 99), (std::pair<size_t, size_t>{3, 4}));
}

}  // namespace
}  // namespace dt

namespace dt {
namespace {

TEST(Reachability, GroupsFaultsOfOneTimeAcrossOtherRecords) {
  // Non-fault records stamped with the same time must not hide a fault's segment.
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  test::TraceBuilder trace;
  trace.partitioned(10, "0|1,2,3,4").replied(10, 0, 1, 0).fault(10, TraceKind::paused, 4);
  trace.replied(15, 0, 1, 0).record(20, TraceKind::healed, kNoNode);
  const ReplicaTrace t = trace.build();
  const auto timeline = ReachabilityTimeline::build(config, t);
  ASSERT_TRUE(timeline.is_ok());
  const auto& segments = timeline.value().segments();
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(segments[1].start_ns, 10u);
  EXPECT_FALSE(ReachabilityTimeline::connected(segments[1], 0, 1));
  EXPECT_FALSE(segments[1].up[4]);
  EXPECT_TRUE(ReachabilityTimeline::connected(segments[2], 0, 1));
}

}  // namespace
}  // namespace dt
