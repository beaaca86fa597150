// The model node as a whole: start, crash, wipe, abstract state, determinism.
#include "model/model_node.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <tuple>

#include "model/merkle_tree.h"
#include "tests/model/test_cluster.h"

namespace dt::test {
namespace {

TEST(ModelNodeTest, StartArmsTheThreePeriodicTimers) {
  Config config;
  auto node = make_model_node(1, config, {"some_bug"});
  Effects out;
  node->on_start(NodeClock{}, out);
  ASSERT_EQ(out.timers.size(), 3u);
  EXPECT_EQ(out.timers[0], (TimerRequest{TimerKind::probe, 0, config.probe_interval_ns}));
  EXPECT_EQ(out.timers[1], (TimerRequest{TimerKind::handoff, 0, config.handoff_interval_ns}));
  EXPECT_EQ(out.timers[2],
            (TimerRequest{TimerKind::anti_entropy, 0, config.anti_entropy_interval_ns}));
  EXPECT_TRUE(out.sends.empty());
}

TEST(ModelNodeTest, AbstractStateHasARootForEveryHomePartition) {
  Config config;
  auto node = make_model_node(3, config, {});
  const NodeState state = node->abstract_state();
  EXPECT_EQ(state.node, 3u);
  const RingView ring(config);
  ASSERT_EQ(state.merkle_roots.size(), ring.home_partitions(3).size());
  for (uint32_t p : ring.home_partitions(3)) {
    EXPECT_EQ(state.merkle_roots.at(p), MerkleTree(config.merkle_depth).root());
  }
  EXPECT_TRUE(state.store.empty() && state.hints.empty() && state.pending.empty());
}

struct HintAtFallback {
  explicit HintAtFallback(Config config) : cluster(config) {
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

TEST(ModelNodeTest, VolatileHintsAreLostOnCrash) {
  Config config;
  config.hint_store = HintStoreMode::volatile_;
  HintAtFallback s(config);
  ASSERT_EQ(s.cluster.state(s.holder).hints.size(), 1u);
  s.cluster.crash(s.holder);
  EXPECT_TRUE(s.cluster.state(s.holder).hints.empty());
  const std::vector<TraceRecord> lost = s.cluster.records(TraceKind::lost_on_crash);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].peer, s.intended);
  EXPECT_EQ(lost[0].write_id, 101u);
  EXPECT_EQ(s.cluster.count_marks(CoverageMark::hint_lost_on_crash), 1u);
}

TEST(ModelNodeTest, DurableHintsSurviveACrash) {
  HintAtFallback s{Config{}};
  s.cluster.crash(s.holder);
  EXPECT_EQ(s.cluster.state(s.holder).hints.size(), 1u);
  EXPECT_TRUE(s.cluster.records(TraceKind::lost_on_crash).empty());
}

TEST(ModelNodeTest, CrashForgetsVolatileStateButKeepsTheStoreAndCounter) {
  HintAtFallback s{Config{}};
  EXPECT_FALSE(s.cluster.state(s.coordinator).suspected.empty());
  s.cluster.crash(s.coordinator);
  s.cluster.restart(s.coordinator);
  EXPECT_TRUE(s.cluster.state(s.coordinator).suspected.empty());
  EXPECT_EQ(s.cluster.state(s.coordinator).store.at(s.key).size(), 1u);
  s.cluster.request(s.coordinator, put_request(2, s.key + 1, 8, 102));
  const auto& store = std::get<StoreRequest>(s.cluster.queue().front().outgoing.message);
  EXPECT_EQ(store.version.dot, (Dot{actor_id(s.coordinator, 0), 2}));
}

TEST(ModelNodeTest, WipeLosesStoreHintsAndCounter) {
  HintAtFallback s{Config{}};
  s.cluster.wipe(s.holder);
  EXPECT_TRUE(s.cluster.state(s.holder).hints.empty());
  ASSERT_EQ(s.cluster.records(TraceKind::lost_on_wipe).size(), 1u);
  s.cluster.wipe(s.coordinator);
  EXPECT_TRUE(s.cluster.state(s.coordinator).store.empty());
  EXPECT_EQ(s.cluster.records(TraceKind::lost_on_wipe).size(), 2u);
  s.cluster.restart(s.coordinator);
  s.cluster.request(s.coordinator, put_request(2, s.key, 8, 102));
  const auto& store = std::get<StoreRequest>(s.cluster.queue().front().outgoing.message);
  EXPECT_EQ(store.version.dot, (Dot{actor_id(s.coordinator, 1), 1}));  // new actor
}

TEST(ModelNodeTest, WipeOfAVolatileHolderReportsTheCrashLossFirst) {
  Config config;
  config.hint_store = HintStoreMode::volatile_;
  HintAtFallback s(config);
  s.cluster.wipe(s.holder);
  EXPECT_EQ(s.cluster.records(TraceKind::lost_on_crash).size(), 1u);
  EXPECT_TRUE(s.cluster.records(TraceKind::lost_on_wipe).empty());  // holder has no main data
}

TEST(ModelNodeDeathTest, AHintedWriteAddressedToItsIntendedNodeIsABug) {
  Config config;
  auto node = make_model_node(2, config, {});
  Version v;
  v.dot = Dot{1, 1};
  Effects out;
  EXPECT_DEATH(node->on_message(NodeClock{}, 1, StoreRequest{1, 5, v, 2}, out),
               "addressed to its intended node");
}

// One scripted run: puts, a crash, hints, handoff, anti-entropy, gets.
std::vector<std::string> scripted_run() {
  Config config;
  TestCluster cluster(config);
  cluster.start_all();
  const Key key = key_with_first_home(config, 0);
  const RingView ring(config);
  const std::vector<NodeId> homes = ring.preference_list(key);
  cluster.crash(homes[0]);
  cluster.make_suspect(homes[1], homes[0]);
  for (uint64_t op = 1; op <= 4; ++op) {
    cluster.request(homes[1 + op % 2], put_request(op, key + op % 3, 10 + op, 100 + op));
  }
  cluster.deliver_all();
  cluster.restart(homes[0]);
  for (NodeId n = 0; n < config.nodes; ++n) cluster.fire(n, TimerKind::handoff, 0);
  cluster.deliver_all();
  for (NodeId n = 0; n < config.nodes; ++n) cluster.fire(n, TimerKind::anti_entropy, 0);
  cluster.deliver_all();
  cluster.request(homes[0], get_request(9, key));
  cluster.deliver_all();
  std::vector<std::string> log = cluster.log;
  for (NodeId n = 0; n < config.nodes; ++n) {
    log.push_back(std::to_string(cluster.state(n).digest()));
  }
  return log;
}

TEST(ModelNodeTest, SameInputsGiveIdenticalEffects) {
  const std::vector<std::string> first = scripted_run();
  const std::vector<std::string> second = scripted_run();
  EXPECT_GT(first.size(), 50u);
  EXPECT_EQ(first, second);
}

// One step of a random run: what, which node, a free parameter.
using Step = std::tuple<uint8_t, uint8_t, uint8_t>;

// Invariants every node keeps whatever happened: canonical, pairwise
// concurrent, non-empty sibling sets; no hint for itself; sorted views.
void check_invariants(const NodeState& state) {
  auto check_siblings = [](const Siblings& siblings) {
    RC_ASSERT(!siblings.empty());
    for (size_t i = 0; i + 1 < siblings.size(); ++i) {
      RC_ASSERT(siblings[i].dot < siblings[i + 1].dot);
      for (size_t j = i + 1; j < siblings.size(); ++j) {
        RC_ASSERT(compare(siblings[i], siblings[j]) == Order::concurrent);
      }
    }
  };
  for (const auto& [key, siblings] : state.store) check_siblings(siblings);
  for (const auto& [intended, hinted] : state.hints) {
    RC_ASSERT(intended != state.node);
    RC_ASSERT(!hinted.empty());
    for (const auto& [key, siblings] : hinted) check_siblings(siblings);
  }
  RC_ASSERT(std::is_sorted(state.suspected.begin(), state.suspected.end()));
  for (const PendingRequestState& p : state.pending) {
    RC_ASSERT(std::is_sorted(p.targets.begin(), p.targets.end()));
    RC_ASSERT(
        std::includes(p.targets.begin(), p.targets.end(), p.answered.begin(), p.answered.end()));
  }
}

// Plays `steps` on a fresh cluster; returns the effect log and final digests.
std::vector<std::string> play(const Config& config, const std::vector<Step>& steps) {
  TestCluster cluster(config);
  cluster.start_all();
  std::vector<bool> up(config.nodes, true);
  const TimerKind kinds[] = {TimerKind::probe,           TimerKind::probe_timeout,
                             TimerKind::replica_timeout, TimerKind::request_deadline,
                             TimerKind::handoff,         TimerKind::anti_entropy};
  VClock context;
  uint64_t op = 0;
  for (const auto& [what, node_byte, param] : steps) {
    const NodeId node = node_byte % config.nodes;
    switch (what % 8) {
      case 0:
      case 1:
        if (up[node]) {
          ++op;
          cluster.request(node, put_request(op, param % 4, param, op, context));
        }
        break;
      case 2:
        if (up[node]) {
          ++op;
          cluster.request(node, get_request(op, param % 4));
        }
        break;
      case 3:
        for (int i = 0; i <= param % 8; ++i) cluster.deliver_one();
        break;
      case 4:
        cluster.deliver_all();
        break;
      case 5:
        cluster.fire(node, kinds[param % 6], 0, /*any_tag=*/true);
        break;
      case 6:
        if (up[node]) (param % 4 == 0 ? cluster.wipe(node) : cluster.crash(node));
        up[node] = false;
        break;
      default:
        if (!up[node]) cluster.restart(node);
        up[node] = true;
        break;
    }
    if (!cluster.replies.empty()) context = cluster.replies.back().context;
    for (NodeId n = 0; n < config.nodes; ++n) check_invariants(cluster.state(n));
  }
  std::vector<std::string> log = cluster.log;
  for (NodeId n = 0; n < config.nodes; ++n) {
    log.push_back(std::to_string(cluster.state(n).digest()));
  }
  return log;
}

RC_GTEST_PROP(ModelNodePropertyTest, RandomRunsKeepInvariantsAndRepeatExactly,
              (const std::vector<Step>& steps)) {
  RC_PRE(steps.size() <= 80);
  Config config;
  config.quorum_mode = *rc::gen::element(QuorumMode::sloppy, QuorumMode::strict);
  config.hint_store = *rc::gen::element(HintStoreMode::durable, HintStoreMode::volatile_);
  const std::vector<std::string> first = play(config, steps);
  RC_ASSERT(play(config, steps) == first);
}

}  // namespace
}  // namespace dt::test
