#include "checks/durability.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::HistoryBuilder;
using test::TraceBuilder;

constexpr Key kDurabilityKey = 3;
constexpr TimeNs kHealNs = 1000;

struct DurabilityCase {
  Config config;
  std::vector<NodeId> home;
  HistoryBuilder history;
  TraceBuilder trace;
  Version v1;

  explicit DurabilityCase(Config c) : config(c), home(test::home_of(c, kDurabilityKey)) {
    v1 = test::version(1, home[0], 1);
    history.put(0, kDurabilityKey, 1, 10, 20, OpType::ok, home[0]);
    trace.quiesced_empty(config, kHealNs);
  }
  PropertyVerdict check() {
    const History h = history.build();
    const ReplicaTrace t = trace.build();
    return check_durability(CheckInput{config, h, t});
  }
};

TEST(Durability, AcceptsAWriteOnAllHomeReplicas) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1).stored(13, c.home[1], kDurabilityKey, c.v1);
  c.trace.final_store(c.home, kDurabilityKey, {c.v1});
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.checked);
  EXPECT_TRUE(v.promised);
  EXPECT_TRUE(v.violations.empty()) << v.summary;
}

TEST(Durability, AcceptsASupersedingVersionAsACopy) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  const Version tombstone = [&] {
    Version t = test::version(2, c.home[1], 1, test::clock_of({{c.home[0], 1}}), {});
    t.tombstone = true;
    t.value.clear();
    return t;
  }();
  c.history.write(OpFn::del, 1, kDurabilityKey, 2, 30, 40, OpType::ok, c.home[1],
                  tombstone.context);
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1)
      .stored(32, c.home[1], kDurabilityKey, tombstone);
  c.trace.final_store(c.home, kDurabilityKey, {tombstone});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Durability, RejectsALostAcknowledgedWrite) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1).stored(13, c.home[1], kDurabilityKey, c.v1);
  c.trace.final_store({c.home[0], c.home[1]}, kDurabilityKey, {c.v1});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  const Violation& loss = v.violations[0];
  EXPECT_TRUE(loss.promised);
  EXPECT_EQ(loss.kind, "lost_write");
  EXPECT_EQ(loss.nodes, std::vector<NodeId>{c.home[2]});
  EXPECT_EQ(loss.writes, std::vector<WriteId>{1});
  EXPECT_EQ(loss.op_indices, (std::vector<uint64_t>{0, 1}));
  EXPECT_NE(loss.explanation.find("still held"), std::string::npos) << loss.explanation;
}

TEST(Durability, RejectsAWriteReplacedByAnotherWithTheSameDot) {
  // Riak kv679: a blind write 2 reused write 1's dot and replaced it everywhere;
  // a version with the dot but another write id is no copy of write 1.
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  const Version v2 = test::version(2, c.home[0], 1);
  c.history.put(1, kDurabilityKey, 2, 30, 40, OpType::ok, c.home[0]);
  for (NodeId n : c.home)
    c.trace.stored(12, n, kDurabilityKey, c.v1).stored(32, n, kDurabilityKey, v2);
  c.trace.final_store(c.home, kDurabilityKey, {v2});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "lost_write");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
  EXPECT_EQ(v.violations[0].nodes, c.home);
}

TEST(Durability, RejectsAnAcknowledgedWriteNeverStored) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "acked_write_never_stored");
  EXPECT_EQ(v.violations[0].nodes, c.home);
}

TEST(Durability, ExplainsALossWhenEveryCopyWasWiped) {
  DurabilityCase c(test::config_of(3, 1, 1, QuorumMode::strict));
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1);
  c.trace.lost_on_wipe(50, c.home[0], kDurabilityKey, c.v1).fault(50, TraceKind::wiped, c.home[0]);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "write_lost_to_faults");
  EXPECT_EQ(v.violations[0].times, (std::vector<TimeNs>{20, 50}));
}

TEST(Durability, ExplainsALossOfAVolatileHintOnCrash) {
  Config config = test::config_of(3, 1, 1, QuorumMode::sloppy);
  config.hint_store = HintStoreMode::volatile_;
  DurabilityCase c(config);
  const NodeId fallback = test::non_home_of(config, kDurabilityKey)[0];
  c.trace.hinted(12, fallback, c.home[0], kDurabilityKey, c.v1);
  c.trace.fault(60, TraceKind::crashed, fallback);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "write_lost_to_faults");
}

TEST(Durability, RejectsADurableHintLostWithoutAFault) {
  DurabilityCase c(test::config_of(3, 1, 1, QuorumMode::sloppy));
  const NodeId fallback = test::non_home_of(c.config, kDurabilityKey)[0];
  c.trace.hinted(12, fallback, c.home[0], kDurabilityKey, c.v1);
  c.trace.fault(60, TraceKind::crashed, fallback);  // durable hints survive a crash
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "lost_write");
}

TEST(Durability, RejectsADurableHintLostOnACrash) {
  DurabilityCase c(test::config_of(3, 1, 1, QuorumMode::sloppy));
  const NodeId fallback = test::non_home_of(c.config, kDurabilityKey)[0];
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1)
      .hinted(12, fallback, c.home[1], kDurabilityKey, c.v1);
  c.trace.fault(60, TraceKind::crashed, fallback);
  c.trace.record(60, TraceKind::lost_on_crash, fallback, c.home[1], kDurabilityKey, c.v1.write_id,
                 c.v1.dot);
  c.trace.final_store(c.home, kDurabilityKey, {c.v1});
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "durable_hint_lost");
}

TEST(Durability, AcceptsAVolatileHintLostOnACrash) {
  Config config = test::config_of(3, 1, 1, QuorumMode::sloppy);
  config.hint_store = HintStoreMode::volatile_;
  DurabilityCase c(config);
  const NodeId fallback = test::non_home_of(c.config, kDurabilityKey)[0];
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1)
      .hinted(12, fallback, c.home[1], kDurabilityKey, c.v1);
  c.trace.fault(60, TraceKind::crashed, fallback);
  c.trace.record(60, TraceKind::lost_on_crash, fallback, c.home[1], kDurabilityKey, c.v1.write_id,
                 c.v1.dot);
  c.trace.final_store(c.home, kDurabilityKey, {c.v1});
  EXPECT_TRUE(c.check().violations.empty());
}

TEST(Durability, RejectsALossANodeClaimsWithoutAFault) {
  // The holder says it lost the only copy to a wipe, but no wipe happened.
  DurabilityCase c(test::config_of(3, 1, 1, QuorumMode::strict));
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1);
  c.trace.lost_on_wipe(50, c.home[0], kDurabilityKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "lost_write");
}

TEST(Durability, RejectsALossByAHintDeletedWithoutHandoff) {
  DurabilityCase c(test::config_of(3, 1, 1, QuorumMode::sloppy));
  const NodeId fallback = test::non_home_of(c.config, kDurabilityKey)[0];
  c.trace.hinted(12, fallback, c.home[0], kDurabilityKey, c.v1);
  c.trace.hint_deleted(70, fallback, c.home[0], kDurabilityKey, c.v1);
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_TRUE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "lost_write");
  EXPECT_NE(v.violations[0].explanation.find("by hint_deleted, which is not a fault"),
            std::string::npos)
      << v.violations[0].explanation;
}

TEST(Durability, ExplainsALossUnderLww) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict, Versioning::lww));
  const Version v2 = test::version(2, c.home[1], 1);
  c.history.put(1, kDurabilityKey, 2, 11, 21, OpType::ok, c.home[1]);
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1).stored(13, c.home[1], kDurabilityKey, v2);
  c.trace.final_store(c.home, kDurabilityKey, {v2});
  const PropertyVerdict v = c.check();
  EXPECT_FALSE(v.promised);
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "lww_overwrite");
  EXPECT_EQ(v.violations[0].writes, std::vector<WriteId>{1});
}

TEST(Durability, DoesNotBlameALossOnARunThatDidNotQuiesce) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1);
  c.trace.final_store({c.home[0]}, kDurabilityKey, {c.v1});
  c.trace.trace().quiesced = false;
  const PropertyVerdict v = c.check();
  ASSERT_EQ(v.violations.size(), 1u);
  EXPECT_FALSE(v.violations[0].promised);
  EXPECT_EQ(v.violations[0].kind, "lost_write");
}

TEST(Durability, IsNotCheckedWithoutFinalStates) {
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  c.trace.trace().final_states.clear();
  const PropertyVerdict v = c.check();
  EXPECT_FALSE(v.checked);
  EXPECT_TRUE(v.violations.empty());
}

}  // namespace
}  // namespace dt

namespace dt {
namespace {

TEST(Durability, AcceptsAWriteSupersededThroughAChain) {
  // w2 deletes w1; w3's context covers w2's dot but not w1's (contexts are not
  // causally closed): w3 still descends from w1 through w2.
  DurabilityCase c(test::config_of(3, 2, 2, QuorumMode::strict));
  Version v2 = test::version(2, c.home[1], 4, test::clock_of({{c.home[0], 1}}));
  v2.tombstone = true;
  v2.value.clear();
  const Version v3 = test::version(3, c.home[2], 1, test::clock_of({{c.home[1], 8}}));
  c.history.write(OpFn::del, 1, kDurabilityKey, 2, 30, 40, OpType::ok, c.home[1], v2.context);
  c.history.put(2, kDurabilityKey, 3, 50, 60, OpType::ok, c.home[2], v3.context);
  c.trace.stored(12, c.home[0], kDurabilityKey, c.v1).stored(32, c.home[1], kDurabilityKey, v2);
  c.trace.stored(52, c.home[2], kDurabilityKey, v3);
  c.trace.final_store(c.home, kDurabilityKey, {v3});
  const PropertyVerdict v = c.check();
  EXPECT_TRUE(v.violations.empty()) << v.violations[0].explanation;
}

}  // namespace
}  // namespace dt
