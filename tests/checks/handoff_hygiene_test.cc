#include "checks/handoff_hygiene.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::TraceBuilder;

constexpr Key kHandoffKey = 9;
constexpr NodeId kHandoffHolder = 4;
constexpr NodeId kHandoffIntended = 1;

struct HygieneCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  History history;
  TraceBuilder trace;
  Version v1 = test::version(1, 0, 1);
  PropertyVerdict check() {
    const ReplicaTrace t = trace.build();
    return check_handoff_hygiene(CheckInput{config, history, t});
  }
};

TEST(HandoffHygiene, AcceptsDeletionAfterHandoff) {
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .handed_off(20, kHandoffIntended, kHandoffHolder, kHandoffKey, c.v1)
      .hint_deleted(30, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  EXPECT_TRUE(v.violations.empty());
}

TEST(HandoffHygiene, RejectsAHintDeletedBeforeTheAck) {
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .hint_deleted(20, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .handed_off(30, kHandoffIntended, kHandoffHolder, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& d = v.violations[0];
  EXPECT_TRUE(d.promised);
  EXPECT_EQ(d.kind, "hint_deleted_before_handoff");
  EXPECT_EQ(d.nodes, (std::vector<NodeId>{kHandoffHolder, kHandoffIntended}));
  EXPECT_EQ(d.keys, std::vector<Key>{kHandoffKey});
  EXPECT_EQ(d.writes, std::vector<WriteId>{1});
  EXPECT_EQ(d.times, std::vector<TimeNs>{20});
}

TEST(HandoffHygiene, AcceptsACoveredAckEvenWhenTheIntendedNodeIsWipedBeforeItArrives) {
  // Read repair reached the intended node first: it acks the offer without a
  // new store (handoff_covered, recorded at send time), then is wiped while the
  // ack is in flight. The ack was honest when sent: no violation. (Was a false
  // alarm when the rule judged the intended node's state at deletion time.)
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .record(15, TraceKind::repaired, kHandoffIntended, 0, kHandoffKey, c.v1.write_id, c.v1.dot)
      .record(20, TraceKind::handoff_covered, kHandoffIntended, kHandoffHolder, kHandoffKey,
              c.v1.write_id, c.v1.dot)
      .fault(25, TraceKind::wiped, kHandoffIntended)
      .hint_deleted(30, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1);
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(HandoffHygiene, RejectsADeletionWithoutAnAckEvenWhenTheIntendedNodeHeldTheWrite) {
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .record(15, TraceKind::repaired, kHandoffIntended, 0, kHandoffKey, c.v1.write_id, c.v1.dot)
      .hint_deleted(30, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hint_deleted_before_handoff");
}

TEST(HandoffHygiene, RejectsDeletionWhenTheIntendedNodeLostTheWriteToAWipe) {
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .record(15, TraceKind::repaired, kHandoffIntended, 0, kHandoffKey, c.v1.write_id, c.v1.dot)
      .fault(20, TraceKind::wiped, kHandoffIntended)
      .hint_deleted(30, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hint_deleted_before_handoff");
}

TEST(HandoffHygiene, RejectsADeletionAckedOnlyToAnotherHolder) {
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .handed_off(20, kHandoffIntended, kHandoffHolder - 1, kHandoffKey, c.v1)
      .hint_deleted(30, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hint_deleted_before_handoff");
}

TEST(HandoffHygiene, RejectsADeletionWhenOnlyAnotherWriteReachedTheIntendedNode) {
  HygieneCase c;
  const Version concurrent = test::version(2, 3, 1);
  c.history = [] {
    test::HistoryBuilder h;
    h.put(0, kHandoffKey, 1, 1, 2);
    h.put(1, kHandoffKey, 2, 3, 4);
    return h.build();
  }();
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .handed_off(20, kHandoffIntended, kHandoffHolder, kHandoffKey, concurrent)
      .hint_deleted(30, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hint_deleted_before_handoff");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
}

TEST(HandoffHygiene, AcceptsAntiEntropyOfOwnedData) {
  HygieneCase c;
  c.trace.stored(10, 0, kHandoffKey, c.v1).anti_entropy_stored(20, 2, 0, kHandoffKey, c.v1);
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(HandoffHygiene, RejectsHintedDataServedAsOwned) {
  HygieneCase c;
  c.trace.hinted(10, kHandoffHolder, kHandoffIntended, kHandoffKey, c.v1)
      .anti_entropy_stored(20, kHandoffIntended, kHandoffHolder, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "hinted_data_served_as_owned");
  EXPECT_EQ(v.violations[0].nodes, (std::vector<NodeId>{kHandoffIntended, kHandoffHolder}));
}

TEST(HandoffHygiene, RejectsAntiEntropyFromANodeThatNeverHeldTheVersion) {
  HygieneCase c;
  c.trace.anti_entropy_stored(20, 2, 0, kHandoffKey, c.v1).stored(30, 0, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "anti_entropy_from_non_holder");
}

TEST(HandoffHygiene, RejectsAnExchangeFromNoNode) {
  HygieneCase c;
  c.trace.anti_entropy_stored(20, 2, kNoNode, kHandoffKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "anti_entropy_from_non_holder");
}

}  // namespace
}  // namespace dt
