// LWW order: timestamps observed in versions or derived from the trace, the
// "beats" relation of one merge and the chains of merges `reaches` allows.
#include "checks/lww_order.h"

#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include "tests/checks/builders.h"

namespace dt {
namespace {

constexpr Key kLwwKey = 7;

using test::stamped;

// A run under LWW whose order is built from a history and a trace.
struct OrderCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::strict, Versioning::lww);
  test::HistoryBuilder history;
  test::TraceBuilder trace;
  History built_history;
  ReplicaTrace built_trace;
  std::optional<Result<CheckContext>> ctx;

  // Blind puts of `versions` on kLwwKey, then one get reading each back alone.
  void put_and_read(const std::vector<Version>& versions) {
    TimeNs t = 10;
    ProcessId process = 0;
    for (const Version& v : versions) {
      history.put(process++, kLwwKey, v.write_id, t, t + 1, OpType::ok, 0, v.context);
      t += 10;
    }
    for (const Version& v : versions) {
      history.get(process++, kLwwKey, t, t + 1, {v});
      t += 10;
    }
  }
  LwwOrder order() {
    built_history = history.build();
    built_trace = trace.build();
    ctx.emplace(build_check_context(CheckInput{config, built_history, built_trace}));
    EXPECT_TRUE(ctx->is_ok());
    return LwwOrder(ctx->value());
  }
};

TEST(LwwOrder, AVersionWithoutAWriteIdStampsNothing) {
  OrderCase c;
  c.history.put(0, kLwwKey, 1, 10, 11);
  Version anonymous = stamped(test::version(1, 2, 9), 5);
  anonymous.write_id = 0;
  c.history.get(1, kLwwKey, 20, 21, {anonymous, stamped(test::version(1, 0, 1), 100)});
  const LwwOrder order = c.order();
  EXPECT_EQ(order.stamp(0), nullptr);
  ASSERT_NE(order.stamp(1), nullptr);
  EXPECT_EQ(order.stamp(1)->timestamp_ns, 100);
  EXPECT_TRUE(order.stamp(1)->observed);
}

TEST(LwwOrder, AnUnreadableSkewHidesOnlyThatNodesTimestamps) {
  OrderCase c;
  c.history.put(0, kLwwKey, 1, 10, 11, OpType::ok, 0);
  c.history.put(1, kLwwKey, 2, 20, 21, OpType::ok, 1);
  c.trace.record(5, TraceKind::clock_skewed, 0);
  c.trace.trace().records.back().detail = "fast";
  c.trace.record(10, TraceKind::request_started, 0, kNoNode, kLwwKey, 1);
  c.trace.record(20, TraceKind::request_started, 1, kNoNode, kLwwKey, 2);
  const LwwOrder order = c.order();
  EXPECT_EQ(order.stamp(1), nullptr);
  ASSERT_NE(order.stamp(2), nullptr);
  EXPECT_EQ(order.stamp(2)->timestamp_ns, 20);
  EXPECT_EQ(order.stamp(2)->coordinator, 1u);
  EXPECT_FALSE(order.stamp(2)->observed);
}

TEST(LwwOrder, ASupersedingWriteBeatsWhateverItsTimestamp) {
  OrderCase c;
  const Version v1 = stamped(test::version(1, 0, 1), 200);
  const Version v2 = stamped(test::version(2, 1, 1, test::clock_of({{0, 1}})), 100);
  const Version v3 = stamped(test::version(3, 2, 1), 150);  // concurrent with both
  c.put_and_read({v1, v2, v3});
  const LwwOrder order = c.order();
  EXPECT_EQ(order.beats(2, 1), std::optional<bool>(true));
  EXPECT_EQ(order.beats(1, 2), std::optional<bool>(false));
  EXPECT_EQ(order.beats(1, 3), std::optional<bool>(true));  // higher timestamp
  EXPECT_EQ(order.beats(3, 1), std::optional<bool>(false));
  EXPECT_EQ(order.beats(3, 3), std::optional<bool>(true));
}

TEST(LwwOrder, ReachesOnlyAlongChainsOfBeats) {
  // w1 at 100, w2 at 50, w3 at 200, all concurrent.
  OrderCase c;
  const Version v1 = stamped(test::version(1, 0, 1), 100);
  const Version v2 = stamped(test::version(2, 1, 1), 50);
  const Version v3 = stamped(test::version(3, 2, 1), 200);
  c.put_and_read({v1, v2, v3});
  const LwwOrder order = c.order();
  EXPECT_TRUE(order.reaches(kLwwKey, 1, 2));
  EXPECT_FALSE(order.reaches(kLwwKey, 1, 3));  // w1 beats w2, but neither beats w3
  EXPECT_FALSE(order.reaches(kLwwKey, 2, 1));
  EXPECT_TRUE(order.reaches(kLwwKey, 3, 2));
}

TEST(LwwOrder, ReachesThroughACausalOverwriteWithAnOlderTimestamp) {
  // w1 at 100 and w3 at 200 concurrent; w4 supersedes w3 but is stamped 10.
  OrderCase c;
  const Version v1 = stamped(test::version(1, 0, 1), 100);
  const Version v3 = stamped(test::version(3, 2, 1), 200);
  const Version v4 = stamped(test::version(4, 3, 1, test::clock_of({{2, 1}})), 10);
  c.put_and_read({v1, v3, v4});
  const LwwOrder order = c.order();
  EXPECT_EQ(order.beats(4, 1), std::optional<bool>(false));
  EXPECT_TRUE(order.reaches(kLwwKey, 4, 1));  // w4 beats w3, which beats w1
}

}  // namespace
}  // namespace dt
