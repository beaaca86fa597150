#include "checks/availability.h"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::HistoryBuilder;
using test::TraceBuilder;

constexpr Key kAvailabilityKey = 2;
constexpr TimeNs kInvokeNs = 2 * kSecondNs;
constexpr TimeNs kDoneNs = kInvokeNs + 500 * kMillisecondNs;

struct AvailabilityCase {
  Config config;
  std::vector<NodeId> home;
  std::vector<NodeId> others;
  HistoryBuilder history;
  TraceBuilder trace;

  explicit AvailabilityCase(QuorumMode mode)
      : config(test::config_of(3, 2, 2, mode)),
        home(test::home_of(config, kAvailabilityKey)),
        others(test::non_home_of(config, kAvailabilityKey)) {}
  NodeId coordinator() const { return home[0]; }
  void failed_put(OpType outcome = OpType::info, TimeNs invoke_ns = kInvokeNs) {
    history.put(0, kAvailabilityKey, 1, invoke_ns, invoke_ns + 500 * kMillisecondNs, outcome,
                coordinator());
  }
  PropertyVerdict check() {
    const History h = history.build();
    const ReplicaTrace t = trace.build();
    return check_availability(CheckInput{config, h, t});
  }
};

TEST(Availability, RejectsAnUnavailableWriteWithAReachableQuorum) {
  AvailabilityCase c(QuorumMode::strict);
  c.failed_put();
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& u = v.violations[0];
  EXPECT_TRUE(u.promised);
  EXPECT_EQ(u.kind, "unavailable_write");
  EXPECT_EQ(u.nodes, std::vector<NodeId>{c.coordinator()});
  EXPECT_EQ(u.op_indices, (std::vector<uint64_t>{0, 1}));
  // max(probe timeout, replica timeout) + probe interval + a round trip.
  EXPECT_EQ(u.times, (std::vector<TimeNs>{kInvokeNs - 160 * kMillisecondNs, kDoneNs}));
  std::vector<NodeId> sorted = c.home;
  std::sort(sorted.begin(), sorted.end());
  const std::string reach =
      fmt::format("the same 3 up home nodes {{{}}} directly", fmt::join(sorted, ","));
  EXPECT_NE(u.explanation.find(reach), std::string::npos) << u.explanation;
}

TEST(Availability, AcceptsOkWrites) {
  AvailabilityCase c(QuorumMode::strict);
  c.failed_put(OpType::ok);
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, AcceptsAStrictFailureWithTwoHomeReplicasDown) {
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.failed_put(OpType::fail);
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, RejectsASloppyFailureWithTwoHomeReplicasDown) {
  AvailabilityCase c(QuorumMode::sloppy);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.failed_put(OpType::fail);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "unavailable_write");
  EXPECT_NE(v.violations[0].explanation.find("the same 3 up nodes"), std::string::npos)
      << v.violations[0].explanation;
}

TEST(Availability, AcceptsAFailureWhileTheCoordinatorIsPartitionedAway) {
  AvailabilityCase c(QuorumMode::sloppy);
  std::string groups = std::to_string(c.coordinator()) + "|";
  for (NodeId n = 0, first = 1; n < c.config.nodes; ++n) {
    if (n == c.coordinator()) continue;
    groups += (first ? "" : ",") + std::to_string(n);
    first = 0;
  }
  c.trace.partitioned(kSecondNs, groups);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, AcceptsAFailureWhenAllLinksFromTheCoordinatorAreCut) {
  AvailabilityCase c(QuorumMode::sloppy);
  for (NodeId n = 0; n < c.config.nodes; ++n) {
    if (n != c.coordinator()) c.trace.link(kSecondNs, n, c.coordinator(), 1'000'000);
  }
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, AcceptsAFailureWhenTheCoordinatorReachesReplicasOnlyThroughAThirdNode) {
  // Strict W=2: the acks from home[1] and home[2] to the coordinator are cut
  // (one direction only), though both still talk to each other and to the
  // other nodes. Nodes never relay, so no quorum was reachable: was a false
  // alarm when reachability came from connected components.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.link(kSecondNs, c.home[1], c.coordinator(), 1'000'000);
  c.trace.link(kSecondNs, c.home[2], c.coordinator(), 1'000'000);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, RejectsAFailureWhenOneDirectLinkOfThreeIsCut) {
  // Near miss: only home[2]'s link is cut; home[1] and the coordinator make W=2.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.link(kSecondNs, c.home[2], c.coordinator(), 1'000'000);
  c.failed_put();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "unavailable_write");
  EXPECT_TRUE(v.violations[0].promised);
}

TEST(Availability, RejectsAFailedGetWithAReachableReadQuorum) {
  AvailabilityCase c(QuorumMode::strict);
  c.history.get(0, kAvailabilityKey, kInvokeNs, kDoneNs, {}, c.coordinator(), OpType::fail);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "unavailable_read");
  EXPECT_TRUE(v.violations[0].writes.empty());
  EXPECT_NE(v.violations[0].explanation.find("(needed 2 replies)"), std::string::npos)
      << v.violations[0].explanation;
}

TEST(Availability, AcceptsAFailedGetWithTwoHomeReplicasDown) {
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.history.get(0, kAvailabilityKey, kInvokeNs, kDoneNs, {}, c.coordinator(), OpType::fail);
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, RejectsASloppyWriteWhoseFallbacksAnswerBeforeTheDeadline) {
  // W = 3 with two home replicas down: both time out after 50 ms and the two
  // fallbacks answer well before the 200 ms deadline.
  AvailabilityCase c(QuorumMode::sloppy);
  c.config.write_quorum_w = 3;
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.failed_put();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "unavailable_write");
}

TEST(Availability, AcceptsASloppyWriteWhoseWalkCannotReachTheFallbacksBeforeTheDeadline) {
  // Near miss of the case above: the deadline (60 ms) ends before a fallback
  // asked at the 50 ms replica timeout can answer (two delays of 5 ms). The
  // walk tries fallbacks one timeout at a time, so a reachable quorum it
  // cannot reach in time obliges nothing. Was a false unavailable_write alarm.
  AvailabilityCase c(QuorumMode::sloppy);
  c.config.write_quorum_w = 3;
  c.config.request_deadline_ns = 60 * kMillisecondNs;
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, AcceptsAClientThatGaveUpBeforeTheWalkCouldFinish) {
  AvailabilityCase c(QuorumMode::sloppy);
  c.config.write_quorum_w = 3;
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.history.put(0, kAvailabilityKey, 1, kInvokeNs, kInvokeNs + 30 * kMillisecondNs, OpType::info,
                c.coordinator());
  History h = c.history.build();
  h.back().error = "client timeout";
  const ReplicaTrace t = c.trace.build();
  EXPECT_TRUE(check_availability(CheckInput{c.config, h, t}).violations.empty());
  h.back().error = "timeout: deadline";  // the coordinator gave up: a bug
  EXPECT_EQ(check_availability(CheckInput{c.config, h, t}).violations.size(), 1u);
}

TEST(Availability, OnlyCrashesAndWipesRemoveANodeNotItsOtherRecords) {
  // Strict W = 3 needs every home replica; a home replica's ordinary records
  // inside the window (a trust change, a restart of nothing) leave it reachable.
  AvailabilityCase c(QuorumMode::strict);
  c.config.write_quorum_w = 3;
  c.trace.record(kInvokeNs + 10 * kMillisecondNs, TraceKind::trusted, c.home[2], c.home[1]);
  c.trace.record(kInvokeNs + 20 * kMillisecondNs, TraceKind::suspected, c.home[1], c.home[2]);
  c.failed_put();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "unavailable_write");
}

TEST(Availability, ACrashAtTheCompletionInstantStillCounts) {
  // The window is closed at both ends: a needed replica that crashes (and
  // restarts) exactly when the op completes excuses it.
  AvailabilityCase c(QuorumMode::strict);
  c.config.write_quorum_w = 3;
  c.trace.fault(kDoneNs, TraceKind::crashed, c.home[2]).fault(kDoneNs, TraceKind::restarted, c.home[2]);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, ExtendsTheWindowByFailureDetectionTime) {
  // Home replicas were down until 100 ms before the invoke: the coordinator may
  // still suspect them, so a failure is allowed; 400 ms later it is not.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kSecondNs, TraceKind::paused, c.home[2]);
  c.trace.fault(kInvokeNs - 100 * kMillisecondNs, TraceKind::restarted, c.home[1]);
  c.trace.fault(kInvokeNs - 100 * kMillisecondNs, TraceKind::resumed, c.home[2]);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
  c.history.put(1, kAvailabilityKey, 2, kInvokeNs + 400 * kMillisecondNs,
                kInvokeNs + 900 * kMillisecondNs, OpType::info, c.coordinator());
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{2});
}

// A replica timeout longer than the probe timeout: a request sent just
// before the replicas came back times out that much later and suspects
// them until the next probe round answers. The window covers it: replicas
// back 10 ms + probe interval + replica timeout before the invoke may still
// be suspected; 20 ms earlier than that, they may not.
TEST(Availability, ExtendsTheWindowByALateReplicaTimeoutToo) {
  for (const TimeNs back_before_invoke_ms : {185u, 200u}) {
    AvailabilityCase c(QuorumMode::strict);
    c.config.replica_timeout_ns = 80 * kMillisecondNs;  // probe timeout 50, interval 100
    c.trace.fault(kSecondNs, TraceKind::crashed, c.home[1]);
    c.trace.fault(kSecondNs, TraceKind::paused, c.home[2]);
    const TimeNs back_ns = kInvokeNs - back_before_invoke_ms * kMillisecondNs;
    c.trace.fault(back_ns, TraceKind::restarted, c.home[1]);
    c.trace.fault(back_ns, TraceKind::resumed, c.home[2]);
    c.failed_put();
    // 80 + 100 + 10 = 190 ms.
    EXPECT_EQ(c.check().violations.size(), back_before_invoke_ms < 190 ? 0u : 1u)
        << back_before_invoke_ms;
  }
}

TEST(Availability, AcceptsAFailureWhenTheReachableQuorumMovesMidRequest) {
  // Strict, W = 2: the coordinator reaches home[1] before a partition and home[2]
  // after it, never both for the whole window; a strict coordinator never retargets.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kSecondNs, TraceKind::crashed, c.home[2]);
  c.trace.fault(kInvokeNs + 100 * kMillisecondNs, TraceKind::restarted, c.home[2]);
  std::string groups = fmt::format("{},{}|", c.coordinator(), c.home[2]);
  bool first = true;
  for (NodeId n = 0; n < c.config.nodes; ++n) {
    if (n == c.coordinator() || n == c.home[2]) continue;
    groups += (first ? "" : ",") + std::to_string(n);
    first = false;
  }
  c.trace.partitioned(kInvokeNs + 100 * kMillisecondNs, groups);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, AcceptsAFailureWhenTheCoordinatorCrashesAndRestartsAtOneInstant) {
  // The crash lost the coordinator's pending request although the zero-length
  // down interval leaves no down segment in the reachability timeline.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kInvokeNs + 200 * kMillisecondNs, TraceKind::crashed, c.coordinator());
  c.trace.fault(kInvokeNs + 200 * kMillisecondNs, TraceKind::restarted, c.coordinator());
  c.failed_put();
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.violations.empty());
}

TEST(Availability, AcceptsAFailureWhenANeededReplicaCrashesAndRestartsAtOneInstant) {
  // Strict, W = 2 of 3 home replicas: two of them bounced mid-request.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kInvokeNs + 100 * kMillisecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kInvokeNs + 100 * kMillisecondNs, TraceKind::restarted, c.home[1]);
  c.trace.fault(kInvokeNs + 300 * kMillisecondNs, TraceKind::wiped, c.home[2]);
  c.trace.fault(kInvokeNs + 300 * kMillisecondNs, TraceKind::restarted, c.home[2]);
  c.failed_put();
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Availability, RejectsAFailureWhenOnlyOneSpareReplicaBounced) {
  // One home replica bounced, but the other two still formed W = 2 throughout.
  AvailabilityCase c(QuorumMode::strict);
  c.trace.fault(kInvokeNs + 100 * kMillisecondNs, TraceKind::crashed, c.home[1]);
  c.trace.fault(kInvokeNs + 100 * kMillisecondNs, TraceKind::restarted, c.home[1]);
  c.failed_put();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "unavailable_write");
  const std::string reach =
      fmt::format("the same 2 up home nodes {{{},{}}} directly", std::min(c.home[0], c.home[2]),
                  std::max(c.home[0], c.home[2]));
  EXPECT_NE(v.violations[0].explanation.find(reach), std::string::npos)
      << v.violations[0].explanation;
}

// A probe timeout that reaches past the next probe round judges that round's
// probe: a reachable replica can be suspected, and the coordinator skips it.
// The same failure is expected then, and promised again once the timeout
// leaves the newest round time for a round trip.
TEST(Availability, ExplainsAFailureWhenTheTimingsLetReachableNodesBeSuspected) {
  AvailabilityCase c(QuorumMode::strict);
  c.config.probe_interval_ns = 88 * kMillisecondNs;
  c.config.probe_timeout_ns = 93 * kMillisecondNs;  // 5 ms for a round trip of up to 10
  c.failed_put();
  PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "timeout_under_suspicion_timing");
  EXPECT_NE(v.violations[0].explanation.find("reaches past the next probe round"),
            std::string::npos)
      << v.violations[0].explanation;
  c.config.probe_timeout_ns = 99 * kMillisecondNs;  // 11 ms
  v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  // A replica timeout shorter than a round trip times out reachable targets.
  c.config.replica_timeout_ns = 10 * kMillisecondNs;
  v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "timeout_under_suspicion_timing");
}

TEST(Availability, ExplainsATimeoutUnderLossyLinks) {
  AvailabilityCase c(QuorumMode::strict);
  c.trace.link(kSecondNs, c.home[1], c.coordinator(), 500'000);
  c.failed_put();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "timeout_under_link_faults");
}

TEST(Availability, HealClearsLinkFaults) {
  AvailabilityCase c(QuorumMode::strict);
  c.trace.link(kSecondNs, c.home[1], c.coordinator(), 500'000);
  c.trace.record(kSecondNs + 1, TraceKind::healed, kNoNode);
  c.failed_put();
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "unavailable_write");
}

TEST(Availability, IsNotCheckedWithUnreadablePartitionGroups) {
  AvailabilityCase c(QuorumMode::strict);
  c.trace.partitioned(kSecondNs, "0,1|x");
  c.failed_put();
  const PropertyVerdict v = c.check();
  EXPECT_FALSE(v.checked);
  EXPECT_NE(v.summary.find("trace.records[0].detail"), std::string::npos) << v.summary;
}

}  // namespace
}  // namespace dt
