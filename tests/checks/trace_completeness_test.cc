#include "checks/trace_completeness.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

constexpr Key kCompletenessKey = 4;
constexpr NodeId kNode = 1;
constexpr NodeId kCompletenessHolder = 3;
constexpr NodeId kCompletenessIntended = 0;

struct CompletenessCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  Version v1 = test::version(1, 0, 1);
  Version v2 = test::version(2, 1, 1, test::clock_of({{0, 1}}));  // supersedes v1
  History history;
  test::TraceBuilder trace;

  CompletenessCase() {
    test::HistoryBuilder h;
    h.put(0, kCompletenessKey, 1, 1, 2);
    h.put(1, kCompletenessKey, 2, 3, 4, OpType::ok, 1, v2.context);
    history = h.build();
    trace.quiesced_empty(config, 1000);
  }
  CompletenessCase& superseded(TimeNs t, NodeId node, const Version& v, NodeId intended = kNoNode) {
    trace.record(t, intended == kNoNode ? TraceKind::superseded : TraceKind::hint_superseded, node,
                 intended, kCompletenessKey, v.write_id, v.dot);
    return *this;
  }
  CompletenessCase& final_hint(NodeId holder, NodeId intended, const Version& v) {
    trace.trace().final_states.at(holder).hints[intended][kCompletenessKey].push_back(v);
    return *this;
  }
  PropertyVerdict check() {
    const ReplicaTrace t = trace.build();
    return check_trace_completeness(CheckInput{config, history, t});
  }
};

std::vector<std::string> kinds_of(const PropertyVerdict& v) {
  std::vector<std::string> kinds;
  for (const Violation& x : v.violations) kinds.push_back(x.kind);
  return kinds;
}

TEST(TraceCompleteness, AcceptsAMainStoreReplacedThroughASupersededRecord) {
  CompletenessCase c;
  c.trace.stored(10, kNode, kCompletenessKey, c.v1).stored(20, kNode, kCompletenessKey, c.v2);
  c.superseded(20, kNode, c.v1);
  c.trace.final_store({kNode}, kCompletenessKey, {c.v2});
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  EXPECT_TRUE(v.violations.empty()) << format_report(CheckReport{{v}});
}

TEST(TraceCompleteness, RejectsAVersionDroppedWithoutARecord) {
  // The silent hint-store supersession behind false lost_write alarms, in the main store.
  CompletenessCase c;
  c.trace.stored(10, kNode, kCompletenessKey, c.v1).stored(20, kNode, kCompletenessKey, c.v2);
  c.trace.final_store({kNode}, kCompletenessKey, {c.v2});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "trace_incomplete");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{kNode});
}

TEST(TraceCompleteness, RejectsAFinalVersionNoRecordPutThere) {
  CompletenessCase c;
  c.trace.final_store({kNode}, kCompletenessKey, {c.v1});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "trace_incomplete");
  EXPECT_NE(v.violations[0].explanation.find("never put it there"), std::string::npos);
}

TEST(TraceCompleteness, FollowsAHintFromStoreToSupersessionToDeletion) {
  CompletenessCase c;
  c.trace.hinted(10, kCompletenessHolder, kCompletenessIntended, kCompletenessKey, c.v1)
      .hinted(20, kCompletenessHolder, kCompletenessIntended, kCompletenessKey, c.v2);
  c.superseded(20, kCompletenessHolder, c.v1, kCompletenessIntended);
  c.trace.handed_off(30, kCompletenessIntended, kCompletenessHolder, kCompletenessKey, c.v2);
  c.trace.hint_deleted(40, kCompletenessHolder, kCompletenessIntended, kCompletenessKey, c.v2);
  c.trace.final_store({kCompletenessIntended}, kCompletenessKey, {c.v2});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(TraceCompleteness, RejectsAHintSupersededWithoutARecord) {
  CompletenessCase c;
  c.trace.hinted(10, kCompletenessHolder, kCompletenessIntended, kCompletenessKey, c.v1)
      .hinted(20, kCompletenessHolder, kCompletenessIntended, kCompletenessKey, c.v2);
  c.final_hint(kCompletenessHolder, kCompletenessIntended, c.v2);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "trace_incomplete");
  EXPECT_NE(v.violations[0].explanation.find("hint store for node 0"), std::string::npos)
      << v.violations[0].explanation;
}

TEST(TraceCompleteness, AcceptsAWipeWhoseLossesAreRecorded) {
  CompletenessCase c;
  c.trace.stored(10, kNode, kCompletenessKey, c.v1)
      .hinted(10, kNode, kCompletenessIntended, kCompletenessKey, c.v2);
  c.trace.fault(50, TraceKind::wiped, kNode).lost_on_wipe(50, kNode, kCompletenessKey, c.v1);
  c.trace.record(50, TraceKind::lost_on_wipe, kNode, kCompletenessIntended, kCompletenessKey,
                 c.v2.write_id, c.v2.dot);
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(TraceCompleteness, RejectsAWipeThatLostDataWithoutRecords) {
  CompletenessCase c;
  c.trace.stored(10, kNode, kCompletenessKey, c.v1).fault(50, TraceKind::wiped, kNode);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "trace_incomplete");
  EXPECT_NE(v.violations[0].explanation.find("no record says how it went"), std::string::npos);
}

TEST(TraceCompleteness, RejectsRemovingWhatWasNeverHeldAndStoringTwice) {
  CompletenessCase c;
  c.trace.hint_deleted(10, kCompletenessHolder, kCompletenessIntended, kCompletenessKey, c.v1);
  c.trace.stored(20, kNode, kCompletenessKey, c.v1).stored(30, kNode, kCompletenessKey, c.v1);
  c.trace.final_store({kNode}, kCompletenessKey, {c.v1});
  const PropertyVerdict v = c.check();
  EXPECT_EQ(kinds_of(v), (std::vector<std::string>{"trace_inconsistent", "trace_inconsistent"}));
  ASSERT_EQ(v.violations.size(), 2u);
  // A hint names the node it is for; a main-store version names none.
  const std::string hint_text =
      "w1, for node " + std::to_string(kCompletenessIntended) + ") removes it from its hint store";
  EXPECT_NE(v.violations[0].explanation.find(hint_text), std::string::npos)
      << v.violations[0].explanation;
  EXPECT_NE(v.violations[1].explanation.find("w1) adds it to its main store"), std::string::npos)
      << v.violations[1].explanation;
}

TEST(TraceCompleteness, IsNotCheckedWithoutFinalStates) {
  CompletenessCase c;
  c.trace.trace().final_states.clear();
  const PropertyVerdict v = c.check();
  EXPECT_FALSE(v.checked);
  EXPECT_TRUE(v.violations.empty());
}

}  // namespace
}  // namespace dt
