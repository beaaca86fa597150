// Mechanism duties: hand-built traces that must be rejected (a stale home
// responder not repaired, hints never offered, an anti-entropy round that
// starts nothing) and near misses that must be accepted (a fallback responder,
// a reply counted after the answer, a suspected or crashed node, offers and
// exchanges exactly one interval apart).
#include "checks/mechanisms.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::TraceBuilder;

constexpr Key kMechanismKey = 9;
constexpr uint64_t kOp = 1;
constexpr uint64_t kMerged = 0xAAAA;
constexpr uint64_t kStale = 0xBBBB;
using test::kMs;

struct MechanismCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  TraceBuilder trace;

  TraceRecord& add(TimeNs t, TraceKind kind, NodeId node, NodeId peer = kNoNode) {
    trace.record(t, kind, node, peer, kMechanismKey);
    return trace.trace().records.back();
  }
  // A get coordinated by `coordinator`: started, one reply per (node, hash),
  // finished ok with `merged` (or `status`).
  void get(NodeId coordinator, const std::vector<std::pair<NodeId, uint64_t>>& replies,
           std::string status = "ok") {
    add(10, TraceKind::request_started, coordinator).detail = "get";
    trace.trace().records.back().op_id = kOp;
    for (const auto& [node, hash] : replies) {
      TraceRecord& r = add(20, TraceKind::replica_replied, coordinator, node);
      r.op_id = kOp;
      r.extra = hash;
    }
    TraceRecord& done = add(30, TraceKind::request_finished, coordinator);
    done.op_id = kOp;
    done.detail = std::move(status);
    done.extra = kMerged;
  }
  void repair(NodeId coordinator, NodeId to, uint64_t hash) {
    TraceRecord& r = add(30, TraceKind::read_repair_sent, coordinator, to);
    r.op_id = kOp;
    r.extra = hash;
  }
  std::vector<Violation> violations(const std::string& prefix) {
    const ReplicaTrace t = trace.build();
    const PropertyVerdict v = check_mechanisms(CheckInput{config, History{}, t});
    EXPECT_TRUE(v.checked && v.promised);
    std::vector<Violation> out;
    for (const Violation& violation : v.violations) {
      EXPECT_TRUE(violation.promised);
      if (violation.kind.rfind(prefix, 0) == 0) out.push_back(violation);
    }
    return out;
  }
  std::vector<NodeId> home() const { return test::home_of(config, kMechanismKey); }
};

TEST(Mechanisms, RejectsAStaleHomeResponderThatIsNotRepaired) {
  MechanismCase c;
  const std::vector<NodeId> home = c.home();
  c.get(home[0], {{home[0], kMerged}, {home[1], kStale}});
  const std::vector<Violation> v = c.violations("read_repair");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, "read_repair_missing");
  EXPECT_EQ(v[0].nodes, (std::vector<NodeId>{home[0], home[1]}));
  EXPECT_EQ(v[0].keys, std::vector<Key>{kMechanismKey});
  EXPECT_EQ(v[0].times, std::vector<TimeNs>{30});
}

TEST(Mechanisms, AcceptsAStaleHomeResponderSentTheMergedVersion) {
  MechanismCase c;
  const std::vector<NodeId> home = c.home();
  c.get(home[0], {{home[0], kMerged}, {home[1], kStale}});
  c.repair(home[0], home[1], kMerged);
  EXPECT_TRUE(c.violations("").empty());
}

TEST(Mechanisms, RejectsARepairThatIsNotTheMergedVersion) {
  // read_repair_skips_tombstones: the repair left the tombstones out.
  MechanismCase c;
  const std::vector<NodeId> home = c.home();
  c.get(home[0], {{home[0], kMerged}, {home[1], kStale}});
  c.repair(home[0], home[1], 0xCCCC);
  const std::vector<Violation> v = c.violations("read_repair");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, "read_repair_incomplete");
}

TEST(Mechanisms, AcceptsAStaleFallbackResponderWithoutRepair) {
  // Fallbacks are never repaired: that would plant owned data on a non-owner.
  MechanismCase c;
  const std::vector<NodeId> home = c.home();
  const NodeId fallback = test::non_home_of(c.config, kMechanismKey).front();
  c.get(home[0], {{home[0], kMerged}, {fallback, kStale}});
  EXPECT_TRUE(c.violations("").empty());
}

TEST(Mechanisms, AcceptsRepliesNotCountedAtCompletion) {
  // A reply after the answer, a failed get, a get whose coordinator crashed.
  MechanismCase c;
  const std::vector<NodeId> home = c.home();
  c.get(home[0], {{home[0], kMerged}, {home[1], kMerged}});
  TraceRecord& late = c.add(40, TraceKind::replica_replied, home[0], home[2]);
  late.op_id = kOp;
  late.extra = kStale;
  EXPECT_TRUE(c.violations("").empty());

  MechanismCase failed;
  failed.get(home[0], {{home[1], kStale}}, "fail");
  EXPECT_TRUE(failed.violations("").empty());

  MechanismCase crashed;
  crashed.get(home[0], {{home[0], kMerged}, {home[1], kStale}});
  crashed.trace.trace().records.pop_back();  // no request_finished: the crash lost it
  crashed.trace.fault(25, TraceKind::crashed, home[0]);
  EXPECT_TRUE(crashed.violations("").empty());
}

TEST(Mechanisms, AcceptsAPutWhoseAcksDifferFromItsResult) {
  // Only gets merge replies: a put's acks are not judged for read repair.
  MechanismCase c;
  const std::vector<NodeId> home = c.home();
  c.get(home[0], {{home[0], kMerged}, {home[1], kStale}});
  c.trace.trace().records.front().detail = "put";
  EXPECT_TRUE(c.violations("").empty());
}

constexpr NodeId kMechanismHolder = 4;
constexpr NodeId kMechanismIntended = 1;

struct HandoffCase : MechanismCase {
  HandoffCase() {
    trace.hinted(10, kMechanismHolder, kMechanismIntended, kMechanismKey, test::version(1, 0, 1));
  }
  void offer(TimeNs t, uint64_t count) {
    add(t, TraceKind::handoff_offered, kMechanismHolder, kMechanismIntended).count = count;
  }
  void end_at(TimeNs t) { trace.record(t, TraceKind::healed, kNoNode); }
};

TEST(Mechanisms, RejectsHintsHeldForALiveNodeWithoutAnOffer) {
  HandoffCase c;  // handoff_interval_ns = 200 ms
  c.end_at(10 + 201 * kMs);
  const std::vector<Violation> v = c.violations("handoff");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, "handoff_missing");
  EXPECT_EQ(v[0].nodes, (std::vector<NodeId>{kMechanismHolder, kMechanismIntended}));
  EXPECT_EQ(v[0].times, (std::vector<TimeNs>{10, 10 + 201 * kMs}));
}

TEST(Mechanisms, AcceptsOffersOneIntervalApart) {
  HandoffCase c;
  c.offer(10 + 200 * kMs, 1);
  c.offer(10 + 400 * kMs, 1);
  c.end_at(10 + 600 * kMs);
  EXPECT_TRUE(c.violations("handoff").empty());
}

TEST(Mechanisms, AcceptsNoOfferWhileTheIntendedNodeIsSuspectedOrTheHolderIsDown) {
  HandoffCase suspected;
  suspected.add(5, TraceKind::suspected, kMechanismHolder, kMechanismIntended);
  suspected.end_at(2000 * kMs);
  EXPECT_TRUE(suspected.violations("handoff").empty());

  HandoffCase down;  // crashed at 100 ms, back at 1 s: a round is due by 1.2 s
  down.trace.fault(100 * kMs, TraceKind::crashed, kMechanismHolder);
  down.trace.fault(1000 * kMs, TraceKind::restarted, kMechanismHolder);
  down.end_at(1200 * kMs);
  EXPECT_TRUE(down.violations("handoff").empty());
  down.end_at(1201 * kMs);
  EXPECT_EQ(down.violations("handoff").size(), 1u);

  HandoffCase delivered;  // the hint is gone after its ack: nothing left to offer
  delivered.offer(100 * kMs, 1);
  delivered.trace.hint_deleted(110 * kMs, kMechanismHolder, kMechanismIntended, kMechanismKey,
                               test::version(1, 0, 1));
  delivered.end_at(2000 * kMs);
  EXPECT_TRUE(delivered.violations("handoff").empty());
}

TEST(Mechanisms, RejectsAnOfferMissingAHint) {
  // handoff_skips_tombstones: two hints held, one offered.
  HandoffCase c;
  c.trace.hinted(20, kMechanismHolder, kMechanismIntended, kMechanismKey + 1,
                 test::version(2, 0, 2));
  c.offer(100 * kMs, 1);
  const std::vector<Violation> v = c.violations("handoff");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, "handoff_incomplete");
}

// Every node's anti-entropy rotation: (partition, peer) pairs, as the node walks them.
std::vector<std::vector<std::pair<uint32_t, NodeId>>> rotations(const Config& config) {
  const HomePlacement placement(config);
  std::vector<std::vector<std::pair<uint32_t, NodeId>>> out(config.nodes);
  for (uint32_t p = 0; p < placement.partitions(); ++p) {
    for (NodeId node : placement.home_of_partition(p)) {
      for (NodeId peer : placement.home_of_partition(p)) {
        if (peer != node) out[node].emplace_back(p, peer);
      }
    }
  }
  return out;
}

// Each node starts one exchange per interval along its rotation, skipping the
// pairs `skip` rejects, until `end_ns`.
template <typename Skip>
void exchange_rounds(MechanismCase& c, TimeNs end_ns, Skip skip) {
  const auto all = rotations(c.config);
  const TimeNs interval_ns = c.config.anti_entropy_interval_ns;
  for (NodeId node = 0; node < c.config.nodes; ++node) {
    size_t round = 0;
    for (TimeNs t = interval_ns; t < end_ns; t += interval_ns, ++round) {
      const auto [partition, peer] = all[node][round % all[node].size()];
      if (skip(node, partition, peer)) continue;
      c.add(t, TraceKind::merkle_exchange_started, node, peer).partition = partition;
    }
  }
  c.trace.record(end_ns, TraceKind::healed, kNoNode);
}

TEST(Mechanisms, AcceptsAnExchangeEveryRound) {
  MechanismCase c;
  exchange_rounds(c, 20'000 * kMs, [](NodeId, uint32_t, NodeId) { return false; });
  EXPECT_TRUE(c.violations("").empty());
}

TEST(Mechanisms, RejectsANodeWhoseRoundsStartNothing) {
  MechanismCase c;
  exchange_rounds(c, 20'000 * kMs, [](NodeId node, uint32_t, NodeId) { return node == 2; });
  const std::vector<Violation> v = c.violations("anti_entropy");
  ASSERT_FALSE(v.empty());
  size_t any_round = 0;
  for (const Violation& violation : v) {
    EXPECT_EQ(violation.kind, "anti_entropy_missing");
    EXPECT_EQ(violation.nodes.front(), 2u);
    // A missed round names only the node; a missed pair names its peer too.
    if (violation.explanation.find("started no Merkle exchange") != std::string::npos) {
      ++any_round;
      EXPECT_EQ(violation.nodes, std::vector<NodeId>{2});
    } else {
      EXPECT_EQ(violation.nodes.size(), 2u);
    }
  }
  EXPECT_GT(any_round, 0u);
}

TEST(Mechanisms, RejectsAPairNeverExchangedWhileItsPeerIsTrusted) {
  // last_partition_not_in_tree: partition Q-1 is skipped, every other pair runs.
  MechanismCase c;
  const uint32_t last = c.config.partitions_q - 1;
  exchange_rounds(c, 20'000 * kMs, [&](NodeId, uint32_t p, NodeId) { return p == last; });
  const std::vector<Violation> v = c.violations("anti_entropy");
  ASSERT_FALSE(v.empty());
  std::set<NodeId> nodes;
  for (const Violation& violation : v) nodes.insert(violation.nodes.front());
  const HomePlacement placement(c.config);
  const std::vector<NodeId>& home = placement.home_of_partition(last);
  EXPECT_EQ(nodes, std::set<NodeId>(home.begin(), home.end()));
}

TEST(Mechanisms, AcceptsSkippedExchangesWithASuspectedPeer) {
  MechanismCase c;
  c.add(1, TraceKind::suspected, 0, 1);
  exchange_rounds(c, 20'000 * kMs,
                  [](NodeId node, uint32_t, NodeId peer) { return node == 0 && peer == 1; });
  EXPECT_TRUE(c.violations("").empty());
}

}  // namespace
}  // namespace dt
