// Put and get through the coordinator, driven over the in-test cluster.
#include "model/coordinator.h"

#include <gtest/gtest.h>

#include "tests/model/test_cluster.h"

namespace dt::test {
namespace {

Config five_nodes(uint32_t r, uint32_t w, QuorumMode mode = QuorumMode::sloppy) {
  Config config;
  config.read_quorum_r = r;
  config.write_quorum_w = w;
  config.quorum_mode = mode;
  return config;
}

struct Placement {
  Key key;
  std::vector<NodeId> homes;
  std::vector<NodeId> fallbacks;
};

Placement place(const Config& config, NodeId first_home) {
  const Key key = key_with_first_home(config, first_home);
  const RingView ring(config);
  return Placement{key, ring.preference_list(key), ring.fallback_order(key)};
}

TEST(CoordinatorTest, PutReachesWAndRepliesOk) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId coordinator = p.homes[0];
  cluster.request(coordinator, put_request(1, p.key, 7, 101));
  EXPECT_EQ(cluster.queue().size(), 3u);
  EXPECT_EQ(cluster.armed(coordinator, TimerKind::replica_timeout).size(), 3u);
  EXPECT_EQ(cluster.armed(coordinator, TimerKind::request_deadline).size(), 1u);
  EXPECT_EQ(cluster.state(coordinator).pending.size(), 1u);
  cluster.deliver_all();
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::ok);
  EXPECT_EQ(cluster.replies[0].context, VClock({{actor_id(coordinator, 0), 1}}));
  for (NodeId home : p.homes) {
    ASSERT_EQ(cluster.state(home).store.at(p.key).size(), 1u) << "home " << home;
    EXPECT_EQ(cluster.state(home).store.at(p.key)[0].write_id, 101u);
  }
  EXPECT_TRUE(cluster.state(coordinator).pending.empty());
  EXPECT_EQ(cluster.records(TraceKind::target_chosen).size(), 3u);
  EXPECT_EQ(cluster.records(TraceKind::replica_replied).size(), 2u);  // third ack ignored
  ASSERT_EQ(cluster.records(TraceKind::request_finished).size(), 1u);
  EXPECT_EQ(cluster.records(TraceKind::request_finished)[0].detail, "ok");
  EXPECT_EQ(cluster.records(TraceKind::stored).size(), 3u);
}

TEST(CoordinatorTest, SuspectedHomeNodeIsReplacedByAHintedFallback) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId down = p.homes[0], coordinator = p.homes[1], fallback = p.fallbacks[0];
  cluster.crash(down);
  cluster.make_suspect(coordinator, down);
  EXPECT_EQ(cluster.state(coordinator).suspected, std::vector<NodeId>{down});
  cluster.request(coordinator, put_request(1, p.key, 7, 101));
  ASSERT_EQ(cluster.queue().size(), 3u);
  const auto& to_fallback = std::get<StoreRequest>(cluster.queue()[2].outgoing.message);
  EXPECT_EQ(cluster.queue()[2].outgoing.to, fallback);
  EXPECT_EQ(to_fallback.hint_for, down);
  cluster.deliver_all();
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::ok);
  const NodeState held = cluster.state(fallback);
  EXPECT_FALSE(held.store.count(p.key));
  ASSERT_EQ(held.hints.at(down).at(p.key).size(), 1u);
  ASSERT_EQ(cluster.records(TraceKind::hinted).size(), 1u);
  EXPECT_EQ(cluster.records(TraceKind::hinted)[0].peer, down);
  EXPECT_EQ(cluster.count_marks(CoverageMark::fallback_chosen), 1u);
  EXPECT_EQ(cluster.count_marks(CoverageMark::hint_stored), 1u);
}

// The hint names the home that was left out, whichever of the N it is (not
// simply the first home).
TEST(CoordinatorTest, TheHintNamesTheSuspectedHomeWhereverItIsInThePreferenceList) {
  for (size_t i = 1; i < 3; ++i) {
    TestCluster cluster(five_nodes(2, 2));
    cluster.start_all();
    const Placement p = place(cluster.config(), 0);
    const NodeId down = p.homes[i], coordinator = p.homes[0];
    cluster.crash(down);
    cluster.make_suspect(coordinator, down);
    cluster.request(coordinator, put_request(1, p.key, 7, 101));
    ASSERT_EQ(cluster.queue().size(), 3u);
    size_t hinted = 0;
    for (const Envelope& e : cluster.queue()) {
      const auto& store = std::get<StoreRequest>(e.outgoing.message);
      if (store.hint_for == kNoNode) {
        EXPECT_NE(e.outgoing.to, down);
        continue;
      }
      ++hinted;
      EXPECT_EQ(e.outgoing.to, p.fallbacks[0]);
      EXPECT_EQ(store.hint_for, down) << "home " << i;
    }
    EXPECT_EQ(hinted, 1u);
  }
}

TEST(CoordinatorTest, ReplicaTimeoutSuspectsAndTriesTheNextFallback) {
  TestCluster cluster(five_nodes(2, 3));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId down = p.homes[0], coordinator = p.homes[1];
  cluster.crash(down);
  cluster.request(coordinator, put_request(1, p.key, 7, 101));
  cluster.deliver_all();
  EXPECT_TRUE(cluster.replies.empty());  // 2 of 3 acks
  const RequestId request_id = cluster.state(coordinator).pending.at(0).request_id;
  ASSERT_TRUE(cluster.fire(coordinator, TimerKind::replica_timeout, request_id * 64 + down));
  EXPECT_EQ(cluster.state(coordinator).suspected, std::vector<NodeId>{down});
  ASSERT_EQ(cluster.queue().size(), 1u);
  EXPECT_EQ(cluster.queue()[0].outgoing.to, p.fallbacks[0]);
  EXPECT_EQ(std::get<StoreRequest>(cluster.queue()[0].outgoing.message).hint_for, down);
  cluster.deliver_all();
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::ok);
  EXPECT_EQ(cluster.records(TraceKind::target_chosen).back().count, 1u);
}

TEST(CoordinatorTest, StrictModeNeverHintsAndFailsWithoutEnoughHomes) {
  TestCluster cluster(five_nodes(2, 3, QuorumMode::strict));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId down = p.homes[0], coordinator = p.homes[1];
  cluster.crash(down);
  cluster.make_suspect(coordinator, down);
  cluster.request(coordinator, put_request(1, p.key, 7, 101));
  EXPECT_TRUE(cluster.queue().empty());
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::fail);
  EXPECT_EQ(cluster.replies[0].reason, "2 of 3 needed targets available");
  EXPECT_TRUE(cluster.state(coordinator).pending.empty());
  EXPECT_EQ(cluster.count_marks(CoverageMark::fallback_chosen), 0u);
}

TEST(CoordinatorTest, StrictModeTimesOutInsteadOfFallingBack) {
  TestCluster cluster(five_nodes(2, 3, QuorumMode::strict));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId down = p.homes[0], coordinator = p.homes[1];
  cluster.crash(down);
  cluster.request(coordinator, put_request(1, p.key, 7, 101));
  cluster.deliver_all();
  const RequestId request_id = cluster.state(coordinator).pending.at(0).request_id;
  ASSERT_TRUE(cluster.fire(coordinator, TimerKind::replica_timeout, request_id * 64 + down));
  EXPECT_TRUE(cluster.queue().empty());
  ASSERT_TRUE(cluster.fire(coordinator, TimerKind::request_deadline, request_id));
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::timeout);
  EXPECT_EQ(cluster.replies[0].reason, "deadline: 2 of 3 acks");
  EXPECT_EQ(cluster.count_marks(CoverageMark::request_timeout), 1u);
  EXPECT_TRUE(cluster.records(TraceKind::hinted).empty());
}

TEST(CoordinatorTest, GetShortOfRFailsAtTheDeadline) {
  TestCluster cluster(five_nodes(3, 2, QuorumMode::strict));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.crash(p.homes[2]);
  cluster.request(p.homes[0], get_request(1, p.key));
  cluster.deliver_all();
  ASSERT_TRUE(cluster.fire(p.homes[0], TimerKind::request_deadline, 0, /*any_tag=*/true));
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::fail);
  EXPECT_EQ(cluster.replies[0].reason, "deadline: 2 of 3 replies");
}

TEST(CoordinatorTest, ConcurrentPutsBecomeSiblings) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.request(p.homes[1], put_request(2, p.key, 2, 102));
  cluster.deliver_all();
  cluster.request(p.homes[2], get_request(3, p.key));
  cluster.deliver_all();
  ASSERT_EQ(cluster.replies.size(), 3u);
  const ClientReply& read = cluster.replies[2];
  ASSERT_EQ(read.status, ReplyStatus::ok);
  ASSERT_EQ(read.siblings.size(), 2u);
  EXPECT_EQ(compare(read.siblings[0], read.siblings[1]), Order::concurrent);
  EXPECT_EQ(read.context, context_of(read.siblings));
  EXPECT_GE(cluster.count_marks(CoverageMark::sibling_created), 1u);
}

TEST(CoordinatorTest, BlindWritesThroughOneCoordinatorStaySiblings) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.deliver_all();
  cluster.request(p.homes[0], put_request(2, p.key, 2, 102));
  cluster.deliver_all();
  EXPECT_EQ(cluster.state(p.homes[1]).store.at(p.key).size(), 2u);
}

TEST(CoordinatorTest, PutWithContextSupersedesWhatItRead) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.request(p.homes[1], put_request(2, p.key, 2, 102));
  cluster.deliver_all();
  cluster.request(p.homes[2], get_request(3, p.key));
  cluster.deliver_all();
  const VClock context = cluster.replies.back().context;
  cluster.request(p.homes[2], put_request(4, p.key, 3, 103, context));
  cluster.deliver_all();
  cluster.request(p.homes[0], get_request(5, p.key));
  cluster.deliver_all();
  const ClientReply& read = cluster.replies.back();
  ASSERT_EQ(read.siblings.size(), 1u);
  EXPECT_EQ(read.siblings[0].write_id, 103u);
  EXPECT_EQ(read.siblings[0].value, Value{3});
}

TEST(CoordinatorTest, DeleteWithContextLeavesOnlyATombstone) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.deliver_all();
  cluster.request(p.homes[1], get_request(2, p.key));
  cluster.deliver_all();
  cluster.request(p.homes[1], delete_request(3, p.key, 102, cluster.replies.back().context));
  cluster.deliver_all();
  cluster.request(p.homes[2], get_request(4, p.key));
  cluster.deliver_all();
  const ClientReply& read = cluster.replies.back();
  ASSERT_EQ(read.status, ReplyStatus::ok);
  ASSERT_EQ(read.siblings.size(), 1u);
  EXPECT_TRUE(all_tombstones(read.siblings));  // not-found, with its context
  EXPECT_TRUE(clock_covers(read.context, read.siblings[0].dot));
  EXPECT_GE(cluster.count_marks(CoverageMark::tombstone_stored), 2u);
}

TEST(CoordinatorTest, LwwKeepsOnlyTheLatestTimestamp) {
  Config config = five_nodes(2, 2);
  config.versioning = Versioning::lww;
  TestCluster cluster(config);
  cluster.start_all();
  const Placement p = place(config, 0);
  cluster.set_clock(p.homes[0], 900);
  cluster.set_clock(p.homes[1], 100);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.request(p.homes[1], put_request(2, p.key, 2, 102));
  cluster.deliver_all();
  cluster.request(p.homes[2], get_request(3, p.key));
  cluster.deliver_all();
  const ClientReply& read = cluster.replies.back();
  ASSERT_EQ(read.siblings.size(), 1u);
  EXPECT_EQ(read.siblings[0].write_id, 101u);
  EXPECT_GE(cluster.count_marks(CoverageMark::lww_overwrite), 1u);
  EXPECT_EQ(cluster.count_marks(CoverageMark::sibling_created), 0u);
}

TEST(CoordinatorTest, ReadRepairBringsAStaleHomeUpToDate) {
  TestCluster cluster(five_nodes(3, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId stale = p.homes[2];
  cluster.cut(p.homes[0], stale);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.deliver_all();
  cluster.heal();
  EXPECT_FALSE(cluster.state(stale).store.count(p.key));
  cluster.request(p.homes[0], get_request(2, p.key));
  cluster.deliver_all();
  ASSERT_EQ(cluster.replies.back().siblings.size(), 1u);
  EXPECT_EQ(cluster.count_marks(CoverageMark::read_repair), 1u);
  ASSERT_EQ(cluster.state(stale).store.at(p.key).size(), 1u);
  ASSERT_EQ(cluster.records(TraceKind::repaired).size(), 1u);
  EXPECT_EQ(cluster.records(TraceKind::repaired)[0].node, stale);
  EXPECT_EQ(cluster.records(TraceKind::repaired)[0].write_id, 101u);
}

TEST(CoordinatorTest, AcksAfterTheReplyAreIgnored) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.deliver_all();
  const size_t trace_size = cluster.trace.size();
  // Every timer of the finished request is now stale and does nothing.
  cluster.fire_all(p.homes[0], TimerKind::replica_timeout);
  cluster.fire_all(p.homes[0], TimerKind::request_deadline);
  EXPECT_EQ(cluster.trace.size(), trace_size);
  EXPECT_EQ(cluster.replies.size(), 1u);
  EXPECT_TRUE(cluster.state(p.homes[0]).suspected.empty());
}

TEST(CoordinatorTest, GetFailsAtOnceWithFewerThanRCandidates) {
  TestCluster cluster(five_nodes(3, 2, QuorumMode::strict));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.crash(p.homes[2]);
  cluster.make_suspect(p.homes[0], p.homes[2]);
  cluster.request(p.homes[0], get_request(1, p.key));
  EXPECT_TRUE(cluster.queue().empty());
  ASSERT_EQ(cluster.replies.size(), 1u);
  EXPECT_EQ(cluster.replies[0].status, ReplyStatus::fail);
  EXPECT_EQ(cluster.replies[0].reason, "2 of 3 needed targets available");
  EXPECT_TRUE(cluster.armed(p.homes[0], TimerKind::request_deadline).empty());
}

TEST(CoordinatorTest, DuplicateAcksCountOnce) {
  TestCluster cluster(five_nodes(2, 3));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.crash(p.homes[2]);
  cluster.request(p.homes[0], put_request(1, p.key, 1, 101));
  cluster.deliver_all();
  const RequestId request_id = cluster.state(p.homes[0]).pending.at(0).request_id;
  Effects out;
  cluster.node(p.homes[0]).on_message(NodeClock{}, p.homes[1], StoreAck{request_id, p.key}, out);
  EXPECT_TRUE(out.replies.empty());
  EXPECT_TRUE(out.trace.empty());
  EXPECT_EQ(cluster.state(p.homes[0]).pending.at(0).answered.size(), 2u);
}

TEST(CoordinatorTest, ACoordinatorNeverSuspectsItselfButStillFallsBack) {
  TestCluster cluster(five_nodes(2, 2));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId coordinator = p.homes[0];
  cluster.request(coordinator, get_request(1, p.key));
  // Lose the coordinator's request to itself.
  std::erase_if(cluster.queue(), [&](const Envelope& e) { return e.outgoing.to == coordinator; });
  const RequestId request_id = cluster.state(coordinator).pending.at(0).request_id;
  ASSERT_TRUE(cluster.fire(coordinator, TimerKind::replica_timeout, request_id * 64 + coordinator));
  EXPECT_TRUE(cluster.state(coordinator).suspected.empty());
  ASSERT_EQ(cluster.queue().back().outgoing.to, p.fallbacks[0]);
  EXPECT_TRUE(std::holds_alternative<FetchRequest>(cluster.queue().back().outgoing.message));
  EXPECT_EQ(cluster.state(coordinator).pending.at(0).targets.size(), 4u);
}

TEST(CoordinatorTest, PendingStateListsTargetsAndAnswersSorted) {
  TestCluster cluster(five_nodes(2, 3));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  cluster.crash(p.homes[1]);
  cluster.request(p.homes[2], put_request(1, p.key, 1, 101));
  cluster.deliver_all();
  const NodeState state = cluster.state(p.homes[2]);
  ASSERT_EQ(state.pending.size(), 1u);
  std::vector<NodeId> targets = p.homes;
  std::sort(targets.begin(), targets.end());
  EXPECT_EQ(state.pending[0].targets, targets);
  std::vector<NodeId> answered{p.homes[0], p.homes[2]};
  std::sort(answered.begin(), answered.end());
  EXPECT_EQ(state.pending[0].answered, answered);
  EXPECT_EQ(state.pending[0].op_id, 1u);
}

// Characterizes a known limitation of vector-clock contexts (docs/protocol.md,
// "Known limitations"): a reader that saw the later of two blind writes by one
// coordinator, but not the earlier, gets a context that covers the earlier
// one, and its next put supersedes a write it never saw.
TEST(CoordinatorTest, KnownLimitationAPartialReadCoversAnUnseenBlindWrite) {
  TestCluster cluster(five_nodes(1, 1));
  cluster.start_all();
  const Placement p = place(cluster.config(), 0);
  const NodeId writer = p.homes[0], reader = p.homes[1];
  cluster.cut(writer, reader);
  cluster.request(writer, put_request(1, p.key, 1, 101));  // reader misses it
  cluster.deliver_all();
  cluster.heal();
  cluster.request(writer, put_request(2, p.key, 2, 102));  // blind: a sibling
  cluster.deliver_all();
  ASSERT_EQ(cluster.state(writer).store.at(p.key).size(), 2u);
  ASSERT_EQ(cluster.state(reader).store.at(p.key).size(), 1u);
  cluster.cut(reader, p.homes[0]);
  cluster.cut(reader, p.homes[2]);
  cluster.request(reader, get_request(3, p.key));  // R = 1: only its own copy
  cluster.deliver_all();
  cluster.heal();
  const ClientReply read = cluster.replies.back();
  ASSERT_EQ(read.siblings.size(), 1u);
  EXPECT_EQ(read.siblings[0].write_id, 102u);
  EXPECT_TRUE(clock_covers(read.context, Dot{actor_id(writer, 0), 1}));  // write 101 unseen
  cluster.request(reader, put_request(4, p.key, 3, 103, read.context));
  cluster.deliver_all();
  const NodeState writer_state = cluster.state(writer);  // by value: keep it while reading it
  const Siblings& after = writer_state.store.at(p.key);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].write_id, 103u);
}

}  // namespace
}  // namespace dt::test
