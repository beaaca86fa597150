// When one-shot timeouts may fire: any time (asynchrony), or only once what
// they wait for is lost (after-loss); and request timeouts that can only be
// no-ops are dropped at once.
#include <gtest/gtest.h>

#include <algorithm>

#include "explore/search.h"
#include "explore/world.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

namespace {

SearchOptions exhaustive() {
  SearchOptions o;
  o.stop_at_first = false;
  o.max_memory_bytes = 0;
  return o;
}

uint64_t timer_steps(const ExploreResult& r) {
  return r.stats.taken[static_cast<size_t>(ChoiceKind::fire_timer)];
}

}  // namespace

TEST(ExploreTimeouts, AfterLossFiresNothingWithoutALoss) {
  ExploreSetup setup = testing::tiny_setup(Side::both);
  setup.bounds.timeouts = TimeoutPolicy::after_loss;
  const ExploreResult r = explore(setup, exhaustive());
  EXPECT_TRUE(r.exhaustive());
  EXPECT_EQ(timer_steps(r), 0u);
  EXPECT_EQ(r.stats.failing_paths, 0u);
  setup.bounds.timeouts = TimeoutPolicy::any;
  const ExploreResult any = explore(setup, exhaustive());
  EXPECT_GT(timer_steps(any), 0u);
  EXPECT_GT(any.stats.states, r.stats.states);
}

TEST(ExploreTimeouts, AfterLossFiresOnceTheRequestIsLost) {
  ExploreSetup setup = testing::tiny_setup(Side::both);
  setup.bounds.timeouts = TimeoutPolicy::after_loss;
  setup.bounds.lost_messages = 1;
  const ExploreResult r = explore(setup, exhaustive());
  EXPECT_TRUE(r.exhaustive());
  EXPECT_GT(timer_steps(r), 0u);
  EXPECT_EQ(r.stats.failing_paths, 0u);
}

// A bug that needs a lost message is still found under after-loss.
TEST(ExploreTimeouts, AfterLossStillFindsAZooBug) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
  setup.bounds.ops_per_client = 2;
  setup.bounds.timeouts = TimeoutPolicy::after_loss;
  SearchOptions o;
  o.max_memory_bytes = 0;
  EXPECT_TRUE(explore(setup, o).counterexample.has_value());
}

TEST(ExploreTimeouts, AnsweredRequestsLeaveNoTimeoutsBehind) {
  const ExploreSetup setup = testing::tiny_setup(Side::model);
  World world(setup);
  // Invoke the put, then deliver every copy until the client is done.
  for (int step = 0; step < 32 && !world.clients_done(); ++step) {
    const std::vector<Choice> choices = world.enabled();
    const auto next = std::find_if(choices.begin(), choices.end(), [](const Choice& c) {
      return c.kind == ChoiceKind::invoke || c.kind == ChoiceKind::deliver;
    });
    ASSERT_NE(next, choices.end());
    world.apply(*next);
  }
  ASSERT_TRUE(world.clients_done());
  for (const PendingTimer& t : world.timers) {
    EXPECT_NE(t.kind, TimerKind::replica_timeout);
    EXPECT_NE(t.kind, TimerKind::request_deadline);
  }
}

}  // namespace dt
