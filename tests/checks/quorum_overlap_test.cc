#include "checks/quorum_overlap.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::HistoryBuilder;
using test::TraceBuilder;

constexpr Key kOverlapKey = 7;

// One write acked by `acks`, then one get answered by `replies` returning `read`.
struct StaleCase {
  Config config;
  std::vector<NodeId> home;
  HistoryBuilder history;
  TraceBuilder trace;
  uint64_t write_op = 0;
  uint64_t read_op = 0;
  Version v1;

  explicit StaleCase(Config c) : config(c), home(test::home_of(c, kOverlapKey)) {
    v1 = test::version(1, home[0], 1);
  }
  void write_acked_by(const std::vector<NodeId>& acks, bool hinted = false) {
    write_op = history.put(0, kOverlapKey, 1, 10, 20, OpType::ok, home[0]);
    for (NodeId n : acks) {
      if (hinted && !config_is_home(n)) {
        trace.hinted(12, n, home[2], kOverlapKey, v1);
      } else {
        trace.stored(12, n, kOverlapKey, v1);
      }
      trace.replied(14, home[0], write_op, n);
    }
  }
  void read_from(const std::vector<NodeId>& replies, Siblings read) {
    read_op = history.get(1, kOverlapKey, 30, 40, std::move(read), home[0]);
    for (NodeId n : replies) trace.replied(35, home[0], read_op, n);
  }
  bool config_is_home(NodeId n) const {
    return std::find(home.begin(), home.end(), n) != home.end();
  }
  PropertyVerdict check() {
    const History h = history.build();
    const ReplicaTrace t = trace.build();
    return check_quorum_overlap(CheckInput{config, h, t});
  }
};

TEST(QuorumOverlap, PromisedOnlyForStrictIntersectingVclock) {
  EXPECT_TRUE(quorum_overlap_promised(test::config_of(3, 2, 2, QuorumMode::strict)));
  EXPECT_FALSE(quorum_overlap_promised(test::config_of(3, 2, 2, QuorumMode::sloppy)));
  EXPECT_FALSE(quorum_overlap_promised(test::config_of(3, 1, 2, QuorumMode::strict)));
  EXPECT_FALSE(quorum_overlap_promised(
      test::config_of(3, 2, 2, QuorumMode::strict, Versioning::lww)));
}

TEST(QuorumOverlap, AcceptsAReadThatSeesTheAckedWrite) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[1], c.home[2]}, {c.v1});
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  EXPECT_TRUE(v.violations.empty()) << v.summary;
}

TEST(QuorumOverlap, AcceptsASupersedingVersionInPlaceOfTheWrite) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  const Version v2 = test::version(2, c.home[1], 1, test::clock_of({{c.home[0], 1}}));
  c.history.put(2, kOverlapKey, 2, 21, 25, OpType::ok, c.home[1], v2.context);
  c.trace.stored(22, c.home[1], kOverlapKey, v2);
  c.read_from({c.home[1], c.home[2]}, {v2});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(QuorumOverlap, AcceptsMissingAWriteAckedAfterTheReadWasInvoked) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_op = c.history.put(0, kOverlapKey, 1, 10, 35, OpType::ok, c.home[0]);
  c.trace.stored(12, c.home[0], kOverlapKey, c.v1).replied(14, c.home[0], c.write_op, c.home[0]);
  c.read_from({c.home[1], c.home[2]}, {});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(QuorumOverlap, RejectsStaleReadWithIntersectingQuorums) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& s = v.violations[0];
  EXPECT_TRUE(s.promised);
  EXPECT_EQ(s.kind, "stale_read");
  EXPECT_EQ(s.nodes, std::vector<NodeId>{c.home[1]});
  EXPECT_EQ(s.writes, std::vector<WriteId>{1});
  EXPECT_EQ(s.keys, std::vector<Key>{kOverlapKey});
  EXPECT_EQ(s.op_indices, (std::vector<uint64_t>{0, 1, 2, 3}));
  EXPECT_NE(s.explanation.find("node " + std::to_string(c.home[1]) + " is in both quorums"),
            std::string::npos)
      << s.explanation;
}

TEST(QuorumOverlap, JudgesStaleReadsAfterAGetWithNothingAckedYet) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.history.get(2, kOverlapKey, 1, 5, {}, c.home[0]);  // before any write: nothing to miss
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "stale_read");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
}

TEST(QuorumOverlap, JudgesOnlyTheLatestAckedWriteOfEachActor) {
  // w2 has w1's actor and a higher counter: missing both is one stale read, of w2.
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  const Version v2 = test::version(2, c.home[0], 2, c.v1.clock());
  const uint64_t put =
      c.history.put(2, kOverlapKey, 2, 21, 25, OpType::ok, c.home[0], c.v1.clock());
  for (NodeId n : {c.home[0], c.home[1]}) {
    c.trace.stored(22, n, kOverlapKey, v2).replied(23, c.home[0], put, n);
  }
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "stale_read");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{2});
}

TEST(QuorumOverlap, JudgesTheReturnedSiblingsNotAClaimedContext) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[1], c.home[2]}, {});
  History h = c.history.build();
  h[3].context = c.v1.clock();  // the reply claims to have seen w1 but returns nothing
  const ReplicaTrace t = c.trace.build();
  const PropertyVerdict v = check_quorum_overlap(CheckInput{c.config, h, t});
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "stale_read");
}

TEST(QuorumOverlap, RejectsStaleReadEvenUnderSloppyWhenAHolderAnswered) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::sloppy));
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  EXPECT_FALSE(v.promised);
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read");
}

TEST(QuorumOverlap, RejectsDisjointHomeQuorumsUnderStrictIntersectingConfig) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_disjoint_quorums");
}

TEST(QuorumOverlap, ExplainsStaleReadUnderSloppyFallback) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::sloppy));
  const NodeId fallback = test::non_home_of(c.config, kOverlapKey)[0];
  c.write_acked_by({c.home[0], fallback}, /*hinted=*/true);
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_fallback");
  EXPECT_FALSE(v.promised);
}

TEST(QuorumOverlap, ExplainsHintOnlyOverlapAsFallback) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::sloppy));
  const NodeId fallback = test::non_home_of(c.config, kOverlapKey)[0];
  c.write_acked_by({c.home[0], fallback}, /*hinted=*/true);
  c.read_from({fallback, c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_fallback");
}

TEST(QuorumOverlap, RejectsAFallbackTargetInStrictMode) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  const NodeId fallback = test::non_home_of(c.config, kOverlapKey)[0];
  c.write_acked_by({c.home[0], c.home[1]});
  c.trace.target(11, c.home[0], c.write_op, fallback, /*fallback=*/true);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& u = v.violations[0];
  EXPECT_TRUE(u.promised);
  EXPECT_EQ(u.kind, "strict_quorum_used_fallback");
  EXPECT_EQ(u.op_indices, (std::vector<uint64_t>{0, 1}));
  EXPECT_EQ(u.keys, std::vector<Key>{kOverlapKey});
  EXPECT_EQ(u.nodes, std::vector<NodeId>{fallback});
  EXPECT_EQ(u.writes, std::vector<WriteId>{1});
  EXPECT_NE(u.explanation.find("strict quorum mode allows only home replicas"),
            std::string::npos) << u.explanation;
}

TEST(QuorumOverlap, RejectsANonHomeReplyCountedInStrictMode) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  const NodeId fallback = test::non_home_of(c.config, kOverlapKey)[0];
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[0], fallback}, {c.v1});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "strict_quorum_used_fallback");
  EXPECT_EQ(v.violations[0].op_indices, (std::vector<uint64_t>{2, 3}));
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{fallback});
  EXPECT_TRUE(v.violations[0].writes.empty());
}

TEST(QuorumOverlap, RejectsAStrictStaleReadThroughAFallbackAsABug) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  const NodeId fallback = test::non_home_of(c.config, kOverlapKey)[0];
  c.write_acked_by({c.home[0], fallback}, /*hinted=*/true);
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_fallback");
  EXPECT_TRUE(v.violations[1].promised);
  EXPECT_EQ(v.violations[1].kind, "strict_quorum_used_fallback");
  EXPECT_EQ(v.violations[1].nodes, std::vector<NodeId>{fallback});
  EXPECT_EQ(v.promised_violation_count(), 2u);
}

TEST(QuorumOverlap, AcceptsHomeTargetsAndRepliesInStrictMode) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  for (NodeId n : c.home) c.trace.target(11, c.home[0], c.write_op, n, /*fallback=*/false);
  c.read_from({c.home[1], c.home[2]}, {c.v1});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(QuorumOverlap, AcceptsFallbacksInSloppyMode) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::sloppy));
  const NodeId fallback = test::non_home_of(c.config, kOverlapKey)[0];
  c.write_acked_by({c.home[0], fallback}, /*hinted=*/true);
  c.trace.target(11, c.home[0], c.write_op, fallback, /*fallback=*/true);
  c.read_from({c.home[0], fallback}, {c.v1});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(QuorumOverlap, ExplainsStaleReadAfterAWipe) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.write_acked_by({c.home[0], c.home[1]});
  c.trace.fault(25, TraceKind::wiped, c.home[1]).fault(26, TraceKind::restarted, c.home[1]);
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_wiped");
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{c.home[1]});
}

TEST(QuorumOverlap, ExplainsStaleReadUnderWeakQuorums) {
  StaleCase c(test::config_of(3, 1, 1, QuorumMode::strict));
  c.write_acked_by({c.home[0]});
  c.read_from({c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_weak_quorums");
}

TEST(QuorumOverlap, ExplainsStaleReadUnderLww) {
  StaleCase c(test::config_of(3, 2, 2, QuorumMode::strict, Versioning::lww));
  c.write_acked_by({c.home[0], c.home[1]});
  c.read_from({c.home[1], c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "stale_read_lww");
}

TEST(QuorumOverlap, ExplainsAnLwwStaleReadUnderWeakQuorums) {
  StaleCase weak(test::config_of(3, 1, 1, QuorumMode::strict, Versioning::lww));
  weak.write_acked_by({weak.home[0]});
  weak.read_from({weak.home[2]}, {});
  PropertyVerdict v = weak.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "stale_read_lww");
  EXPECT_NE(v.violations[0].explanation.find("; R + W = 2 <= N = 3"), std::string::npos)
      << v.violations[0].explanation;

  StaleCase intersecting(test::config_of(3, 2, 2, QuorumMode::strict, Versioning::lww));
  intersecting.write_acked_by({intersecting.home[0], intersecting.home[1]});
  intersecting.read_from({intersecting.home[1], intersecting.home[2]}, {});
  v = intersecting.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].explanation.find("R + W"), std::string::npos)
      << v.violations[0].explanation;
}

// Under LWW: w1 (timestamp 100) acked by home[0], home[1]; then w2 on home[1].
struct LwwStaleCase : StaleCase {
  Version v2;
  explicit LwwStaleCase(int64_t v2_timestamp_ns, TimeNs v2_invoke_ns = 15)
      : StaleCase(test::config_of(3, 2, 2, QuorumMode::strict, Versioning::lww)) {
    v1.lww_timestamp_ns = 100;
    v2 = test::version(2, home[1], 1);
    v2.lww_timestamp_ns = v2_timestamp_ns;
    write_acked_by({home[0], home[1]});
    const uint64_t op =
        history.put(2, kOverlapKey, 2, v2_invoke_ns, v2_invoke_ns + 5, OpType::ok, home[1]);
    trace.stored(v2_invoke_ns + 1, home[1], kOverlapKey, v2)
        .replied(v2_invoke_ns + 2, home[1], op, home[1]);
    // No reply shows w1's timestamp: the trace does (request start + clock skew).
    started(11, home[0], 1, 100);
    started(v2_invoke_ns, home[1], 2, v2_timestamp_ns);
  }
  void started(TimeNs t, NodeId coordinator, WriteId w, int64_t timestamp_ns) {
    trace.record(t, TraceKind::clock_skewed, coordinator);
    trace.trace().records.back().detail = std::to_string(timestamp_ns - static_cast<int64_t>(t));
    trace.record(t, TraceKind::request_started, coordinator, kNoNode, kOverlapKey, w);
  }
};

// Was: every overwritten write counted as missed (849 of 1001 gets of a clean
// fault-free LWW run reported stale). A write the returned version wins over was not missed.
TEST(QuorumOverlap, LwwAcceptsAGetReturningAVersionRankedAboveTheAckedWrite) {
  LwwStaleCase c(200);
  c.read_from({c.home[1], c.home[2]}, {c.v2});
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.violations.empty()) << v.violations[0].explanation;
}

TEST(QuorumOverlap, LwwReportsAGetReturningAVersionRankedBelowTheAckedWrite) {
  LwwStaleCase c(50);  // w2 concurrent with w1 (invoked before w1's ack), older timestamp
  c.read_from({c.home[1], c.home[2]}, {c.v2});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& s = v.violations[0];
  EXPECT_FALSE(s.promised);
  EXPECT_EQ(s.kind, "stale_read_lww");
  EXPECT_EQ(s.writes, std::vector<WriteId>{1});
  EXPECT_NE(s.explanation.find("returned w2 (timestamp 50 ns"), std::string::npos)
      << s.explanation;
  EXPECT_NE(s.explanation.find("missed w1 (timestamp 100 ns"), std::string::npos);
  EXPECT_NE(s.explanation.find("concurrent"), std::string::npos);
}

TEST(QuorumOverlap, LwwNamesSkewedClocksWhenALaterWriteCarriesAnOlderTimestamp) {
  LwwStaleCase c(50, 25);  // w2 invoked after w1's ack at 20, yet stamped earlier
  c.read_from({c.home[1], c.home[2]}, {c.v2});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "stale_read_lww");
  EXPECT_NE(v.violations[0].explanation.find("skewed clocks"), std::string::npos)
      << v.violations[0].explanation;
}

TEST(QuorumOverlap, LwwReportsAGetReturningNothing) {
  LwwStaleCase c(200);
  c.read_from({c.home[2]}, {});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2u);  // missed both acked writes
  EXPECT_EQ(v.violations[0].kind, "stale_read_lww");
  EXPECT_NE(v.violations[0].explanation.find("returned no version"), std::string::npos);
}

TEST(QuorumOverlap, RejectsAMalformedHistory) {
  const Config config = test::config_of(3, 2, 2, QuorumMode::strict);
  History history = HistoryBuilder().build();
  HistoryOp orphan;
  orphan.type = OpType::ok;
  history.push_back(orphan);
  const ReplicaTrace trace;
  const PropertyVerdict v = check_quorum_overlap(CheckInput{config, history, trace});
  EXPECT_FALSE(v.checked);
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "malformed_input");
  EXPECT_NE(v.violations[0].explanation.find("history[0]: ok for process 0 with no open invoke"),
            std::string::npos)
      << v.violations[0].explanation;
}

}  // namespace
}  // namespace dt
