#include "model/failure_detector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "core/hash.h"
#include "core/state_digest.h"
#include "model/ring_view.h"

namespace dt {
namespace {

TEST(FailureDetectorTest, ProbeRoundProbesEveryPeerAndArmsTimeouts) {
  Config config;
  FailureDetector detector(2, config);
  Effects out;
  detector.probe_round(out);
  ASSERT_EQ(out.sends.size(), 4u);
  EXPECT_EQ(out.sends[0].to, 0u);
  EXPECT_EQ(out.sends[2].to, 3u);
  EXPECT_EQ(std::get<Probe>(out.sends[0].message).sequence, 1u);
  ASSERT_EQ(out.timers.size(), 4u);
  EXPECT_EQ(out.timers[1], (TimerRequest{TimerKind::probe_timeout, 1, config.probe_timeout_ns}));
}

uint64_t fingerprint_of(const FailureDetector& detector) {
  Hasher h;
  detector.fingerprint(h);
  return h.finish();
}

// explore merges states by fingerprint: peers still owing a probe reply are
// state (their timeouts will suspect them), so they must be in it.
TEST(FailureDetectorTest, TheFingerprintSeesWhoseProbeRepliesAreOutstanding) {
  Config config;
  FailureDetector all_owing(0, config), one_answered(0, config), other_answered(0, config);
  Effects out;
  for (FailureDetector* d : {&all_owing, &one_answered, &other_answered}) d->probe_round(out);
  one_answered.observe(1, out);
  other_answered.observe(2, out);
  EXPECT_TRUE(all_owing.suspected().empty() && one_answered.suspected().empty());
  EXPECT_NE(fingerprint_of(all_owing), fingerprint_of(one_answered));
  EXPECT_NE(fingerprint_of(one_answered), fingerprint_of(other_answered));
  FailureDetector again(0, config);
  again.probe_round(out);
  again.observe(1, out);
  EXPECT_EQ(fingerprint_of(again), fingerprint_of(one_answered));
}

TEST(FailureDetectorTest, UnansweredProbeSuspectsAndAnyMessageTrusts) {
  Config config;
  FailureDetector detector(0, config);
  Effects out;
  detector.probe_round(out);
  detector.observe(1, out);           // answered
  detector.on_probe_timeout(1, out);  // too late to matter
  detector.on_probe_timeout(2, out);  // unanswered
  EXPECT_EQ(detector.suspected(), std::vector<NodeId>{2});
  ASSERT_EQ(out.trace.size(), 1u);
  EXPECT_EQ(out.trace[0].kind, TraceKind::suspected);
  EXPECT_EQ(out.trace[0].peer, 2u);
  EXPECT_EQ(out.marks, std::vector<CoverageMark>{CoverageMark::suspected_peer});
  detector.suspect(2, out);  // already suspected: no second record
  EXPECT_EQ(out.trace.size(), 1u);
  detector.observe(2, out);
  EXPECT_TRUE(detector.suspected().empty());
  EXPECT_EQ(out.trace.back().kind, TraceKind::trusted);
}

TEST(FailureDetectorTest, NeverSuspectsItselfAndForgetsOnReset) {
  Config config;
  FailureDetector detector(3, config);
  Effects out;
  detector.suspect(3, out);
  EXPECT_FALSE(detector.is_suspected(3));
  detector.suspect(4, out);
  EXPECT_TRUE(detector.is_suspected(4));
  detector.reset();
  EXPECT_TRUE(detector.suspected().empty());
}

// The digest is kept with the set rather than computed when read: after
// every change it must equal the digest of the list.
TEST(FailureDetectorTest, TheKeptSuspectedDigestFollowsEveryChange) {
  Config config;
  FailureDetector detector(0, config);
  const auto expect_current = [&](const char* after) {
    EXPECT_EQ(detector.suspected_digest(), ids_digest(detector.suspected())) << after;
  };
  expect_current("construction");
  Effects out;
  detector.probe_round(out);
  detector.on_probe_timeout(2, out);
  expect_current("a probe timeout");
  detector.suspect(4, out);
  expect_current("suspect");
  const uint64_t two_suspected = detector.suspected_digest();
  detector.observe(2, out);
  expect_current("a message from a suspected peer");
  EXPECT_NE(detector.suspected_digest(), two_suspected);
  detector.reset();
  expect_current("reset");
  const FailureDetector copy = detector;  // explore clones nodes
  EXPECT_EQ(copy.suspected_digest(), ids_digest(copy.suspected()));
}

// The nodes sharing a preference list with `self`, ascending, from the ring.
std::vector<NodeId> ring_neighbors(const Config& config, NodeId self) {
  const RingView ring(config);
  std::set<NodeId> peers;
  for (uint32_t p : ring.home_partitions(self)) {
    for (NodeId peer : ring.partition_homes(p)) {
      if (peer != self) peers.insert(peer);
    }
  }
  return std::vector<NodeId>(peers.begin(), peers.end());
}

std::vector<NodeId> probed(const Effects& out) {
  std::vector<NodeId> to;
  for (const Outgoing& m : out.sends) {
    EXPECT_TRUE(std::holds_alternative<Probe>(m.message));
    to.push_back(m.to);
  }
  return to;
}

TEST(FailureDetectorTest, NeighborScopeProbesTheRingNeighboursAndTheSuspected) {
  Config config;
  config.nodes = 40;
  config.partitions_q = 40;
  config.probe_scope = ProbeScope::neighbors;
  const std::vector<NodeId> neighbors = ring_neighbors(config, 7);
  ASSERT_GE(neighbors.size(), 2u);
  ASSERT_LT(neighbors.size(), 20u) << "a 40-node ring gives a node few neighbours";
  FailureDetector detector(7, config);
  Effects out;
  detector.probe_round(out);
  EXPECT_EQ(probed(out), neighbors);
  ASSERT_EQ(out.timers.size(), neighbors.size());
  EXPECT_EQ(out.timers[0].tag, neighbors[0]);

  // A node it is no neighbour of, suspected (say after a replica timeout), is
  // probed every round until a message from it clears the suspicion.
  NodeId stranger = 0;
  while (stranger == 7 || std::count(neighbors.begin(), neighbors.end(), stranger)) ++stranger;
  detector.suspect(stranger, out);
  Effects round2;
  detector.probe_round(round2);
  std::vector<NodeId> expected = neighbors;
  expected.insert(std::lower_bound(expected.begin(), expected.end(), stranger), stranger);
  EXPECT_EQ(probed(round2), expected);
  detector.observe(stranger, round2);
  Effects round3;
  detector.probe_round(round3);
  EXPECT_EQ(probed(round3), neighbors);
}

TEST(FailureDetectorTest, AllScopeProbesEveryOtherNodeOfALargeCluster) {
  Config config;
  config.nodes = 100;
  config.partitions_q = 128;
  FailureDetector detector(99, config);
  Effects out;
  detector.probe_round(out);
  EXPECT_EQ(out.sends.size(), 99u);
  EXPECT_EQ(out.sends.back().to, 98u);
}

TEST(FailureDetectorDeathTest, ProbeTimeoutForItselfIsABug) {
  Config config;
  FailureDetector detector(3, config);
  Effects out;
  EXPECT_DEATH(detector.on_probe_timeout(3, out), "probe timeout for self");
}

}  // namespace
}  // namespace dt
