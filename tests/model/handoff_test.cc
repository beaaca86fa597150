// Hinted handoff between a fallback holder and the intended home node.
#include "model/handoff.h"

#include <gtest/gtest.h>

#include "tests/model/test_cluster.h"

namespace dt::test {
namespace {

// A down, a sloppy put lands on the fallback with a hint for A; A restarts.
struct HintedScenario {
  explicit HintedScenario(Config config) : cluster(config) {
    cluster.start_all();
    key = key_with_first_home(config, 0);
    const RingView ring(config);
    intended = ring.preference_list(key)[0];
    coordinator = ring.preference_list(key)[1];
    holder = ring.fallback_order(key)[0];
    cluster.crash(intended);
    cluster.make_suspect(coordinator, intended);
    cluster.request(coordinator, put_request(1, key, 7, 101));
    cluster.deliver_all();
  }
  TestCluster cluster;
  Key key = 0;
  NodeId intended = kNoNode, coordinator = kNoNode, holder = kNoNode;
};

TEST(HandoffTest, MovesTheHintAndDeletesItOnlyAfterTheAck) {
  HintedScenario s{Config{}};
  ASSERT_EQ(s.cluster.state(s.holder).hints.at(s.intended).at(s.key).size(), 1u);
  s.cluster.restart(s.intended);
  ASSERT_TRUE(s.cluster.fire(s.holder, TimerKind::handoff, 0));
  ASSERT_EQ(s.cluster.queue().size(), 1u);
  const auto& offer = std::get<HandoffOffer>(s.cluster.queue()[0].outgoing.message);
  EXPECT_EQ(offer.entries.size(), 1u);
  EXPECT_EQ(s.cluster.records(TraceKind::handoff_offered).size(), 1u);
  EXPECT_EQ(s.cluster.armed(s.holder, TimerKind::handoff).size(), 1u);  // re-armed

  ASSERT_TRUE(s.cluster.deliver_one());  // the offer: stored at the intended node
  EXPECT_EQ(s.cluster.state(s.intended).store.at(s.key).size(), 1u);
  EXPECT_EQ(s.cluster.state(s.holder).hints.size(), 1u);  // not before the ack
  EXPECT_EQ(s.cluster.records(TraceKind::handed_off).size(), 1u);
  EXPECT_EQ(s.cluster.count_marks(CoverageMark::hint_handed_off), 1u);

  ASSERT_TRUE(s.cluster.deliver_one());  // the ack
  EXPECT_TRUE(s.cluster.state(s.holder).hints.empty());
  ASSERT_EQ(s.cluster.records(TraceKind::hint_deleted).size(), 1u);
  EXPECT_EQ(s.cluster.records(TraceKind::hint_deleted)[0].peer, s.intended);
  EXPECT_EQ(s.cluster.records(TraceKind::hint_deleted)[0].write_id, 101u);
}

TEST(HandoffTest, AHintArrivingDuringTheHandoffIsKept) {
  HintedScenario s{Config{}};
  s.cluster.restart(s.intended);
  ASSERT_TRUE(s.cluster.fire(s.holder, TimerKind::handoff, 0));
  // A second sloppy write for the same key arrives at the holder meanwhile.
  s.cluster.request(s.coordinator, put_request(2, s.key, 8, 102));
  s.cluster.deliver_all();
  const NodeState held = s.cluster.state(s.holder);
  ASSERT_EQ(held.hints.at(s.intended).at(s.key).size(), 1u);
  EXPECT_EQ(held.hints.at(s.intended).at(s.key)[0].write_id, 102u);
  EXPECT_EQ(s.cluster.records(TraceKind::hint_deleted).size(), 1u);
}

TEST(HandoffTest, NoOfferToASuspectedNode) {
  HintedScenario s{Config{}};
  s.cluster.make_suspect(s.holder, s.intended);
  ASSERT_TRUE(s.cluster.fire(s.holder, TimerKind::handoff, 0));
  EXPECT_TRUE(s.cluster.queue().empty());
  EXPECT_TRUE(s.cluster.records(TraceKind::handoff_offered).empty());
}

TEST(HandoffTest, AckOfAHintAlreadyGoneDeletesNothing) {
  HintedScenario s{Config{}};
  Effects out;
  const std::vector<HintedEntry> acked = {HintedEntry{s.key + 1, Version{}}};
  s.cluster.node(s.holder).on_message(NodeClock{}, s.intended, HandoffAck{99, acked}, out);
  EXPECT_TRUE(out.trace.empty() || out.trace[0].kind == TraceKind::trusted);
  EXPECT_EQ(s.cluster.state(s.holder).hints.at(s.intended).size(), 1u);
}

}  // namespace
}  // namespace dt::test
