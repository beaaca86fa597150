// When timings let a node suspect a peer it reaches without loss.
#include "core/suspicion_timing.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

constexpr TimeNs kMs = kMillisecondNs;

TEST(SuspicionTiming, TheDefaultsSuspectNoReachablePeer) {
  EXPECT_FALSE(probe_suspicion_risk(Config{}).has_value());
  EXPECT_FALSE(replica_timeout_risk(Config{}).has_value());
}

// Round trips up to 10 ms (delays up to 5 ms).
TEST(SuspicionTiming, AProbeTimeoutMustLeaveTheNewestRoundARoundTrip) {
  Config c;
  c.probe_interval_ns = 100 * kMs;
  c.probe_timeout_ns = 10 * kMs;  // not shorter than the round trip
  EXPECT_TRUE(probe_suspicion_risk(c).has_value());
  c.probe_timeout_ns = 11 * kMs;
  EXPECT_FALSE(probe_suspicion_risk(c).has_value());
  // Past the next round: only timeout mod interval is left for its probe.
  c.probe_timeout_ns = 105 * kMs;
  const std::optional<std::string> risk = probe_suspicion_risk(c);
  ASSERT_TRUE(risk.has_value());
  EXPECT_NE(risk->find("has had 5000000 ns"), std::string::npos) << *risk;
  c.probe_timeout_ns = 150 * kMs;
  EXPECT_FALSE(probe_suspicion_risk(c).has_value());
  c.probe_timeout_ns = 200 * kMs;  // fires with the round two intervals on
  EXPECT_TRUE(probe_suspicion_risk(c).has_value());
}

TEST(SuspicionTiming, AReplicaTimeoutMustOutlastARoundTrip) {
  Config c;
  c.replica_timeout_ns = 10 * kMs;
  EXPECT_TRUE(replica_timeout_risk(c).has_value());
  c.replica_timeout_ns = 10 * kMs + 1;
  EXPECT_FALSE(replica_timeout_risk(c).has_value());
}

}  // namespace
}  // namespace dt
