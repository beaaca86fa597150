#include "checks/integrity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::HistoryBuilder;
using test::stamped;
using test::TraceBuilder;

constexpr Key kIntegrityKey = 7;

Version with_value(Version v, Value value, bool tombstone = false) {
  v.value = std::move(value);
  v.tombstone = tombstone;
  return v;
}

// A run on key 7 built from a history and a trace; final states are optional.
struct IntegrityCase {
  Config config;
  std::vector<NodeId> home;
  HistoryBuilder history;
  TraceBuilder trace;
  // Reads of add completions, set after building (the builder has no add reads).
  std::vector<std::pair<uint64_t, Siblings>> add_reads;
  std::vector<uint64_t> still_open;  // ops whose completion is dropped

  explicit IntegrityCase(Versioning versioning = Versioning::vclock)
      : config(test::config_of(3, 2, 2, QuorumMode::strict, versioning)),
        home(test::home_of(config, kIntegrityKey)) {}

  uint64_t add(ProcessId p, WriteId w, TimeNs invoke_ns, TimeNs done_ns, Siblings read,
               OpType outcome = OpType::ok) {
    const uint64_t op = history.write(OpFn::add, p, kIntegrityKey, w, invoke_ns, done_ns, outcome);
    add_reads.emplace_back(op, std::move(read));
    return op;
  }
  PropertyVerdict check() {
    History h = history.build();
    for (const auto& [op_id, read] : add_reads) {
      for (HistoryOp& op : h) {
        if (op.op_id == op_id && op.type != OpType::invoke) op.read = read;
      }
    }
    std::erase_if(h, [&](const HistoryOp& op) {
      return op.type != OpType::invoke &&
             std::find(still_open.begin(), still_open.end(), op.op_id) != still_open.end();
    });
    for (size_t i = 0; i < h.size(); ++i) h[i].index = i;
    const ReplicaTrace t = trace.build();
    return check_integrity(CheckInput{config, h, t});
  }
};

std::string kinds(const PropertyVerdict& v) {
  std::string out;
  for (const Violation& violation : v.violations) out += violation.kind + " ";
  return out;
}

void expect_one(const PropertyVerdict& v, const std::string& kind) {
  ASSERT_EQ(v.violations.size(), 1u) << kinds(v) << v.summary;
  EXPECT_EQ(v.violations[0].kind, kind);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_FALSE(v.violations[0].explanation.empty());
}

// ---- value integrity ----

TEST(Integrity, AcceptsAPutReadBackAndAddsWithTheRightUnion) {
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);  // put: value [1]
  const Version tomb = with_value(test::version(2, c.home[1], 1), {}, true);
  c.history.put(0, kIntegrityKey, 1, 10, 20);
  c.history.write(OpFn::del, 1, kIntegrityKey, 2, 11, 21);
  // add w3 read [1] and a tombstone: writes [1,3]; the tombstone adds nothing.
  const Version v3 = test::version(3, c.home[0], 2, context_of({v1, tomb}), {1, 3});
  c.add(2, 3, 30, 40, {v1, tomb});
  c.history.get(3, kIntegrityKey, 50, 60, {v3});
  c.trace.quiesced_empty(c.config, 100).final_store(c.home, kIntegrityKey, {v3});
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  EXPECT_TRUE(v.violations.empty()) << kinds(v);
}

TEST(Integrity, RejectsACorruptedPutValue) {
  IntegrityCase c;
  const uint64_t put = c.history.put(0, kIntegrityKey, 1, 10, 20);
  const uint64_t get =
      c.history.get(1, kIntegrityKey, 30, 40, {with_value(test::version(1, c.home[0], 1), {99})});
  const PropertyVerdict v = c.check();
  expect_one(v, "value_corrupted");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
  EXPECT_EQ(v.violations[0].op_indices.size(), 4u);  // write invoke+done, get invoke+done
  (void)put;
  (void)get;
}

TEST(Integrity, RejectsATruncatedAddSet) {
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);
  c.history.put(0, kIntegrityKey, 1, 10, 20);
  c.add(1, 2, 30, 40, {v1});  // must write [1,2]
  c.history.get(2, kIntegrityKey, 50, 60, {test::version(2, c.home[0], 2, v1.clock(), {2})});
  expect_one(c.check(), "value_corrupted");
}

TEST(Integrity, RejectsAMixedInElement) {
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);
  c.history.put(0, kIntegrityKey, 1, 10, 20);
  c.add(1, 2, 30, 40, {v1});
  c.trace.quiesced_empty(c.config, 100)
      .final_store({c.home[0]}, kIntegrityKey,
                   {test::version(2, c.home[0], 2, v1.clock(), {1, 2, 5})});
  const PropertyVerdict v = c.check();
  expect_one(v, "value_corrupted");
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{c.home[0]});
}

TEST(Integrity, RejectsATombstoneWithAValueAndAPutStoredAsATombstone) {
  IntegrityCase c;
  c.history.write(OpFn::del, 0, kIntegrityKey, 1, 10, 20);
  c.history.put(1, kIntegrityKey, 2, 11, 21);
  c.trace.quiesced_empty(c.config, 100)
      .final_store({c.home[0]}, kIntegrityKey,
                   {with_value(test::version(1, c.home[0], 1), {3}, true),
                    with_value(test::version(2, c.home[1], 1), {}, true)});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 2u) << kinds(v);
  EXPECT_EQ(v.violations[0].kind, "value_corrupted");
  EXPECT_EQ(v.violations[1].kind, "value_corrupted");
}

TEST(Integrity, ReportsACorruptedWriteOnceWhereverItIsSeen) {
  IntegrityCase c;
  const Version bad = with_value(test::version(1, c.home[0], 1), {2});
  c.history.put(0, kIntegrityKey, 1, 10, 20);
  c.history.get(1, kIntegrityKey, 30, 40, {bad});
  c.trace.quiesced_empty(c.config, 100).final_store(c.home, kIntegrityKey, {bad});
  const PropertyVerdict v = c.check();
  expect_one(v, "value_corrupted");
  EXPECT_NE(v.violations[0].explanation.find("4 time(s)"), std::string::npos);
}

TEST(Integrity, JudgesAnOpenAddOnlyByItsElement) {
  for (const Value& value : {Value{1, 2}, Value{1, 5}}) {
    IntegrityCase c;
    c.history.put(0, kIntegrityKey, 1, 10, 20);
    c.still_open.push_back(c.add(1, 2, 30, 40, {}));  // its read set is unknown
    c.trace.quiesced_empty(c.config, 100)
        .final_store({c.home[0]}, kIntegrityKey, {test::version(2, c.home[0], 2, {}, value)});
    const PropertyVerdict v = c.check();
    if (value == Value{1, 2}) {
      EXPECT_TRUE(v.violations.empty()) << kinds(v);
    } else {
      expect_one(v, "value_corrupted");  // [1,5] lacks the element 2
    }
  }
}

TEST(Integrity, LeavesUnknownWritesToCausality) {
  IntegrityCase c;
  c.history.get(1, kIntegrityKey, 30, 40, {with_value(test::version(9, c.home[0], 1), {5})});
  EXPECT_TRUE(c.check().violations.empty());
}

// ---- failed writes (G1a) ----

TEST(Integrity, RejectsReadingAFailedWrite) {
  IntegrityCase c;
  c.history.put(0, kIntegrityKey, 1, 10, 20, OpType::fail);
  c.history.get(1, kIntegrityKey, 30, 40, {test::version(1, c.home[0], 1)});
  const PropertyVerdict v = c.check();
  expect_one(v, "aborted_read");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
}

TEST(Integrity, RejectsAFailedWriteReadByAnAdd) {
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);
  c.history.put(0, kIntegrityKey, 1, 10, 20, OpType::fail);
  c.add(1, 2, 30, 40, {v1}, OpType::info);
  expect_one(c.check(), "aborted_read");
}

TEST(Integrity, RejectsAFailedWriteInAFinalStoreOrHint) {
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);
  c.history.put(0, kIntegrityKey, 1, 10, 20, OpType::fail);
  c.trace.quiesced_empty(c.config, 100);
  c.trace.trace().final_states[c.home[0]].hints[c.home[1]][kIntegrityKey] = {v1};
  PropertyVerdict v = c.check();
  expect_one(v, "aborted_write_survived");
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{c.home[0]});
  c.trace.final_store({c.home[2]}, kIntegrityKey, {v1});
  v = c.check();
  expect_one(v, "aborted_write_survived");  // one per write, however many copies
}

TEST(Integrity, RejectsAFailedWriteStoredByANode) {
  IntegrityCase c;
  c.history.put(0, kIntegrityKey, 1, 10, 20, OpType::fail);
  c.trace.stored(15, c.home[1], kIntegrityKey, test::version(1, c.home[0], 1));
  expect_one(c.check(), "aborted_write_stored");
}

TEST(Integrity, RejectsAFailedWriteStoredOnceHoweverManyCopiesAndOtherRecords) {
  // Records that store nothing come first; the write is hinted, then stored twice.
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);
  const uint64_t put = c.history.put(0, kIntegrityKey, 1, 10, 20, OpType::fail, c.home[0]);
  c.trace.record(10, TraceKind::request_started, c.home[0], kNoNode, kIntegrityKey, 1);
  c.trace.replied(11, c.home[0], put, c.home[1]);
  c.trace.hinted(12, 4, c.home[2], kIntegrityKey, v1);
  c.trace.stored(15, c.home[1], kIntegrityKey, v1).stored(16, c.home[0], kIntegrityKey, v1);
  const PropertyVerdict v = c.check();
  expect_one(v, "aborted_write_stored");
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{4});
  EXPECT_EQ(v.violations[0].times, (std::vector<TimeNs>{12, 20}));
}

TEST(Integrity, AcceptsReadingAnIndeterminateWrite) {
  IntegrityCase c;
  const Version v1 = test::version(1, c.home[0], 1);
  c.history.put(0, kIntegrityKey, 1, 10, 20, OpType::info);
  c.trace.stored(15, c.home[1], kIntegrityKey, v1);
  c.history.get(1, kIntegrityKey, 30, 40, {v1});
  c.trace.quiesced_empty(c.config, 100).final_store(c.home, kIntegrityKey, {v1});
  EXPECT_TRUE(c.check().violations.empty());
}

// ---- LWW: final stores ----

// Two blind puts on key 7: w1 stamped 100, w2 stamped 200 (both by home[0]'s clock).
struct LwwCase : IntegrityCase {
  Version v1, v2;
  LwwCase() : IntegrityCase(Versioning::lww) {
    v1 = stamped(test::version(1, home[0], 1), 100);
    v2 = stamped(test::version(2, home[1], 1), 200);
    history.put(0, kIntegrityKey, 1, 10, 20);
    history.put(1, kIntegrityKey, 2, 11, 21);
    trace.quiesced_empty(config, 1000);
  }
};

TEST(IntegrityLww, RejectsALastArrivalWinner) {
  LwwCase c;
  c.history.get(2, kIntegrityKey, 30, 40, {c.v2});  // w2's timestamp is seen here
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v2).stored(16, c.home[0], kIntegrityKey, c.v1);
  c.trace.final_store({c.home[0]}, kIntegrityKey, {c.v1});
  const PropertyVerdict v = c.check();
  expect_one(v, "lww_wrong_winner");
  EXPECT_EQ(v.violations[0].nodes, std::vector<NodeId>{c.home[0]});
  EXPECT_EQ(v.violations[0].writes, (std::vector<WriteId>{1, 2}));
}

TEST(IntegrityLww, AcceptsTheHigherTimestampWhateverTheArrivalOrder) {
  LwwCase c;
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v1).stored(16, c.home[0], kIntegrityKey, c.v2);
  c.trace.stored(15, c.home[1], kIntegrityKey, c.v2);  // v1 arrived later at home[1] and lost
  c.trace.final_store({c.home[0], c.home[1]}, kIntegrityKey, {c.v2});
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(IntegrityLww, AcceptsACausalOverwriteWithAnOlderTimestamp) {
  LwwCase c;
  // w3 read w2 (context covers its dot) but its coordinator's clock reads 50.
  const Version v3 = stamped(test::version(3, c.home[2], 1, c.v2.clock()), 50);
  c.history.put(2, kIntegrityKey, 3, 30, 40, OpType::ok, c.home[2], c.v2.clock());
  c.history.get(3, kIntegrityKey, 25, 26, {c.v2});  // w2's timestamp is seen here
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v1).stored(16, c.home[0], kIntegrityKey, c.v2);
  c.trace.stored(35, c.home[0], kIntegrityKey, v3);
  c.trace.final_store({c.home[0]}, kIntegrityKey, {v3});
  // v3 does not beat v1 directly (lower timestamp, concurrent), but it superseded v2,
  // which beat v1: a chain of merges, which is how the store dropped v1.
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(IntegrityLww, AcceptsALowerWinnerAfterAWipe) {
  LwwCase c;
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v2).fault(17, TraceKind::wiped, c.home[0]);
  c.trace.stored(18, c.home[0], kIntegrityKey, c.v1);
  c.trace.final_store({c.home[0]}, kIntegrityKey, {c.v1});
  c.history.get(2, kIntegrityKey, 30, 40, {c.v2});
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(IntegrityLww, RejectsAStoreThatEndsEmpty) {
  LwwCase c;
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v2);
  expect_one(c.check(), "lww_wrong_winner");
}

TEST(IntegrityLww, DoesNotJudgeAnUnreadableFinalState) {
  // A final state filed under another node's id says nothing about this node.
  LwwCase c;
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v2);
  c.trace.trace().final_states[c.home[0]].node = c.home[0] + 1;
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(IntegrityLww, JudgesTheStoresAfterAVersionOfAnUnknownWrite) {
  // w9 is no write of the history (causality's unknown_write): skipped, not the end.
  LwwCase c;
  c.trace.stored(14, c.home[0], kIntegrityKey, test::version(9, c.home[2], 7));
  c.trace.stored(15, c.home[0], kIntegrityKey, c.v2);
  const PropertyVerdict v = c.check();
  expect_one(v, "lww_wrong_winner");
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].writes, (std::vector<WriteId>{0, 2}));
}

// Timestamps nobody read are derived from the trace: request start + clock skew.
TEST(IntegrityLww, DerivesTimestampsFromTheCoordinatorsSkewedClock) {
  for (const bool skewed : {false, true}) {
    IntegrityCase c(Versioning::lww);
    const NodeId a = c.home[0], b = c.home[1];
    const uint64_t p1 = c.history.put(0, kIntegrityKey, 1, 10, 60, OpType::ok, a);
    const uint64_t p2 = c.history.put(1, kIntegrityKey, 2, 20, 70, OpType::ok, b);
    if (skewed) {
      c.trace.record(5, TraceKind::clock_skewed, a);
      c.trace.trace().records.back().detail = "1000";
    }
    c.trace.record(12, TraceKind::request_started, a, kNoNode, kIntegrityKey, 1);
    c.trace.trace().records.back().op_id = p1;
    c.trace.record(22, TraceKind::request_started, b, kNoNode, kIntegrityKey, 2);
    c.trace.trace().records.back().op_id = p2;
    // w1 stamped 12 (+1000 when skewed), w2 stamped 22; a stores w2, then w1 arrives.
    const Version v1 = stamped(test::version(1, a, 1), skewed ? 1012 : 12);
    c.trace.stored(30, a, kIntegrityKey, test::version(2, b, 1)).stored(40, a, kIntegrityKey, v1);
    c.trace.quiesced_empty(c.config, 1000).final_store({a}, kIntegrityKey, {v1});
    const PropertyVerdict v = c.check();
    if (skewed) {
      EXPECT_TRUE(v.violations.empty()) << kinds(v);
    } else {
      expect_one(v, "lww_wrong_winner");
      EXPECT_NE(v.violations[0].explanation.find("timestamp 22 ns"), std::string::npos)
          << v.violations[0].explanation;
    }
  }
}

// ---- LWW: gets ----

TEST(IntegrityLww, RejectsAGetBelowWhatAReplicaHeldThroughout) {
  LwwCase c;
  c.trace.stored(15, c.home[1], kIntegrityKey, c.v2).stored(15, c.home[0], kIntegrityKey, c.v1);
  const uint64_t get = c.history.get(2, kIntegrityKey, 30, 40, {c.v1}, c.home[0]);
  c.trace.replied(35, c.home[0], get, c.home[0]).replied(36, c.home[0], get, c.home[1]);
  c.trace.final_store({c.home[0], c.home[1]}, kIntegrityKey, {c.v2});
  c.trace.stored(50, c.home[0], kIntegrityKey, c.v2);
  const PropertyVerdict v = c.check();
  expect_one(v, "lww_get_wrong_winner");
  EXPECT_EQ(v.violations[0].nodes, (std::vector<NodeId>{c.home[1], c.home[0]}));
}

TEST(IntegrityLww, RejectsAGetReturningNothingWhileAReplicaHeldAVersion) {
  LwwCase c;
  c.trace.stored(15, c.home[1], kIntegrityKey, c.v2);
  const uint64_t get = c.history.get(2, kIntegrityKey, 30, 40, {}, c.home[0]);
  c.trace.replied(35, c.home[0], get, c.home[1]);
  c.trace.final_store({c.home[1]}, kIntegrityKey, {c.v2});
  expect_one(c.check(), "lww_get_wrong_winner");
}

TEST(IntegrityLww, AcceptsAGetAboveWhatTheReplicasHeld) {
  LwwCase c;
  c.trace.stored(15, c.home[1], kIntegrityKey, c.v1).stored(15, c.home[0], kIntegrityKey, c.v2);
  const uint64_t get = c.history.get(2, kIntegrityKey, 30, 40, {c.v2}, c.home[0]);
  c.trace.replied(35, c.home[0], get, c.home[0]).replied(36, c.home[0], get, c.home[1]);
  c.trace.stored(50, c.home[1], kIntegrityKey, c.v2);
  c.trace.final_store({c.home[0], c.home[1]}, kIntegrityKey, {c.v2});
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(IntegrityLww, DoesNotJudgeAReplicaThatStoredTheKeyOnlyAfterTheGet) {
  LwwCase c;
  const uint64_t get = c.history.get(2, kIntegrityKey, 30, 40, {}, c.home[0]);
  c.trace.replied(35, c.home[0], get, c.home[1]);
  c.trace.stored(50, c.home[1], kIntegrityKey, c.v2);
  c.trace.final_store({c.home[1]}, kIntegrityKey, {c.v2});
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(IntegrityLww, DoesNotJudgeAReplicaWhoseStoreChangedDuringTheGet) {
  LwwCase c;
  const Version v0 = stamped(test::version(3, c.home[2], 1), 10);
  c.history.put(2, kIntegrityKey, 3, 1, 5);
  c.trace.stored(3, c.home[1], kIntegrityKey, c.v2);
  c.trace.fault(33, TraceKind::wiped, c.home[1]).stored(34, c.home[1], kIntegrityKey, v0);
  const uint64_t get = c.history.get(3, kIntegrityKey, 30, 40, {v0}, c.home[0]);
  c.trace.replied(35, c.home[0], get, c.home[1]);
  c.trace.final_store({c.home[1]}, kIntegrityKey, {v0});
  EXPECT_TRUE(c.check().violations.empty()) << kinds(c.check());
}

TEST(Integrity, RejectsAMalformedHistory) {
  const Config config = test::config_of(3, 2, 2, QuorumMode::strict);
  History history = HistoryBuilder().build();
  HistoryOp orphan;
  orphan.type = OpType::ok;
  history.push_back(orphan);
  const ReplicaTrace trace;
  const PropertyVerdict v = check_integrity(CheckInput{config, history, trace});
  EXPECT_FALSE(v.checked);
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_EQ(v.violations[0].kind, "malformed_input");
}

}  // namespace
}  // namespace dt
