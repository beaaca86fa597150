#include "model/failure_detector.h"

#include <gtest/gtest.h>

#include "core/hash.h"

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

TEST(FailureDetectorDeathTest, ProbeTimeoutForItselfIsABug) {
  Config config;
  FailureDetector detector(3, config);
  Effects out;
  EXPECT_DEATH(detector.on_probe_timeout(3, out), "probe timeout for self");
}

}  // namespace
}  // namespace dt
