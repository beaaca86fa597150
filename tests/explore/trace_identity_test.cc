// TraceIdentity: steps between barriers meet in any order; anything else
// that differs (a step's records or their order, a barrier's place) does not.
#include "explore/trace_identity.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace dt {

namespace {

using Step = std::vector<std::pair<TraceKind, uint64_t>>;  // records of one step

TraceIdentity replay(const std::vector<Step>& steps) {
  TraceIdentity identity;
  for (const Step& step : steps) {
    for (const auto& [kind, hash] : step) identity.add(kind, hash);
    identity.end_step();
  }
  return identity;
}

const Step kStoreA{{TraceKind::stored, 11}};
const Step kStoreB{{TraceKind::stored, 12}, {TraceKind::superseded, 13}};
const Step kAck{{TraceKind::replica_replied, 14}};
const Step kCrash{{TraceKind::crashed, 15}, {TraceKind::lost_on_crash, 16}};
const Step kRestart{{TraceKind::restarted, 17}};

}  // namespace

TEST(TraceIdentity, StepsBetweenBarriersCommute) {
  const TraceIdentity a = replay({kStoreA, kStoreB, kAck});
  const TraceIdentity b = replay({kAck, kStoreB, kStoreA});
  EXPECT_EQ(a.commuted(), b.commuted());
  EXPECT_NE(a.ordered(), b.ordered());
  // After a barrier too.
  EXPECT_EQ(replay({kCrash, kRestart, kStoreA, kAck}).commuted(),
            replay({kCrash, kRestart, kAck, kStoreA}).commuted());
}

TEST(TraceIdentity, DifferentStepsDoNotMeet) {
  EXPECT_NE(replay({kStoreA, kAck}).commuted(), replay({kStoreB, kAck}).commuted());
  EXPECT_NE(replay({kStoreA}).commuted(), replay({kStoreA, kStoreA}).commuted());
  // The records of one step keep their order.
  const Step reversed{kStoreB[1], kStoreB[0]};
  EXPECT_NE(replay({kStoreB}).commuted(), replay({reversed}).commuted());
  // Splitting one step in two is another story.
  EXPECT_NE(replay({kStoreB}).commuted(), replay({{kStoreB[0]}, {kStoreB[1]}}).commuted());
}

TEST(TraceIdentity, BarriersKeepTheirPlace) {
  EXPECT_NE(replay({kStoreA, kCrash, kRestart}).commuted(),
            replay({kCrash, kRestart, kStoreA}).commuted());
  EXPECT_NE(replay({kStoreA, kCrash, kRestart, kStoreB}).commuted(),
            replay({kStoreB, kCrash, kRestart, kStoreA}).commuted());
}

TEST(TraceIdentity, EmptyStepsAreInvisible) {
  TraceIdentity a = replay({kStoreA});
  a.end_step();  // a step that emitted nothing
  EXPECT_EQ(a.commuted(), replay({kStoreA}).commuted());
  EXPECT_EQ(a.ordered(), replay({kStoreA}).ordered());
}

}  // namespace dt
