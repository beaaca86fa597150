#include "checks/target_walk.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

constexpr TimeNs kMs = kMillisecondNs;

// Nodes 0..5, homes {0,1,2} then fallbacks 3, 4, 5. T = 50 ms, deadline 200 ms,
// delays <= 5 ms: a reachable node answers 10 ms after it is asked.
Config walk_config(QuorumMode mode, uint32_t w) {
  Config config = test::config_of(3, 1, w, mode);
  config.nodes = 6;
  return config;
}
const std::vector<NodeId> kExtended = {0, 1, 2, 3, 4, 5};

std::vector<bool> reachable(std::initializer_list<NodeId> nodes) {
  std::vector<bool> r(6, false);
  for (NodeId n : nodes) r[n] = true;
  return r;
}

TEST(TargetWalk, HomesAnswerInOneRoundTrip) {
  EXPECT_EQ(worst_case_walk_ns(walk_config(QuorumMode::strict, 2), kExtended,
                               reachable({0, 2}), 2),
            10 * kMs);
}

TEST(TargetWalk, StrictNeverUsesFallbacks) {
  EXPECT_FALSE(worst_case_walk_ns(walk_config(QuorumMode::strict, 2), kExtended,
                                  reachable({0, 3, 4, 5}), 2));
}

TEST(TargetWalk, SloppyReplacesEachSilentTargetOnceATimeout) {
  // 1 and 2 silent: at 50 ms both are replaced by 3 and 4 (both answer).
  EXPECT_EQ(worst_case_walk_ns(walk_config(QuorumMode::sloppy, 3), kExtended,
                               reachable({0, 3, 4}), 3),
            60 * kMs);
  // 3 silent too: 50 ms asks 3 and 4, 100 ms replaces 3 by 5.
  EXPECT_EQ(worst_case_walk_ns(walk_config(QuorumMode::sloppy, 3), kExtended,
                               reachable({0, 4, 5}), 3),
            110 * kMs);
}

TEST(TargetWalk, SloppyStopsAtTheDeadline) {
  // Only node 5 answers besides nothing: chains 0,1,2 -> 3,4,5 at 50 ms.
  Config config = walk_config(QuorumMode::sloppy, 1);
  EXPECT_EQ(worst_case_walk_ns(config, kExtended, reachable({5}), 1), 60 * kMs);
  config.request_deadline_ns = 60 * kMs;  // 50 + 10 is not before the deadline
  EXPECT_FALSE(worst_case_walk_ns(config, kExtended, reachable({5}), 1));
  // One silent home, fallbacks 3 and 4 silent: 5 is asked at 150 ms.
  config = walk_config(QuorumMode::sloppy, 3);
  EXPECT_EQ(worst_case_walk_ns(config, kExtended, reachable({0, 1, 5}), 3), 160 * kMs);
  config.request_deadline_ns = 160 * kMs;
  EXPECT_FALSE(worst_case_walk_ns(config, kExtended, reachable({0, 1, 5}), 3));
}

TEST(TargetWalk, RunsOutOfFallbacks) {
  EXPECT_FALSE(worst_case_walk_ns(walk_config(QuorumMode::sloppy, 3), kExtended,
                                  reachable({0, 1}), 3));
}

}  // namespace
}  // namespace dt
