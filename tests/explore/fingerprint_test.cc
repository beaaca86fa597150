// The state identity is exact: two states with one fingerprint, reached by
// different paths, allow the same steps, and each step leads both to one
// fingerprint again (so merging them loses no behaviour), and their path
// ends get the same verdict.
#include "explore/fingerprint.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "explore/path_end.h"
#include "explore/world.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

namespace {

std::vector<uint64_t> sorted_keys(const std::vector<Choice>& choices) {
  std::vector<uint64_t> keys;
  for (const Choice& c : choices) keys.push_back(c.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

const Choice& find_key(const std::vector<Choice>& choices, uint64_t key) {
  return *std::find_if(choices.begin(), choices.end(),
                       [&](const Choice& c) { return c.key == key; });
}

// Every successor of `a` and `b` by the same step has the same fingerprint.
void expect_same_future(const World& a, const World& b) {
  const std::vector<Choice> from_a = a.enabled();
  const std::vector<Choice> from_b = b.enabled();
  ASSERT_EQ(sorted_keys(from_a), sorted_keys(from_b));
  for (const Choice& step : from_a) {
    World next_a(a);
    World next_b(b);
    next_a.apply(step);
    next_b.apply(find_key(from_b, step.key));
    EXPECT_EQ(fingerprint(next_a, false), fingerprint(next_b, false)) << step.text;
  }
  if (a.clients_done()) {
    EXPECT_EQ(finish_path(World(a)).failure, finish_path(World(b)).failure);
  }
}

// Breadth-first to `max_depth` without a visited set; every state met again
// under a known fingerprint is checked against the first one met.
uint64_t check_merged_pairs(const ExploreSetup& setup, uint32_t max_depth) {
  std::map<uint64_t, World> first_seen;
  std::vector<World> level;
  level.emplace_back(setup);
  first_seen.emplace(fingerprint(level.back(), false), World(level.back()));
  uint64_t pairs = 0;
  for (uint32_t depth = 0; depth < max_depth && !level.empty(); ++depth) {
    std::vector<World> next_level;
    for (const World& world : level) {
      for (const Choice& step : world.enabled()) {
        World next(world);
        next.apply(step);
        const uint64_t fp = fingerprint(next, false);
        auto [it, fresh] = first_seen.try_emplace(fp, next);
        if (fresh) {
          next_level.push_back(std::move(next));
        } else if (pairs++ % 7 == 0) {  // a sample: every pair costs a full expansion
          expect_same_future(it->second, next);
        }
      }
    }
    level = std::move(next_level);
  }
  return pairs;
}

}  // namespace

TEST(ExploreFingerprint, MergedStatesHaveTheSameFuture) {
  ExploreSetup setup = testing::tiny_setup(Side::impl);
  setup.bounds = ExploreBounds{.clients = 1, .ops_per_client = 2, .crashes = 1,
                               .lost_messages = 1, .timer_firings_per_node = 1};
  EXPECT_GT(check_merged_pairs(setup, 6), 100u);
}

TEST(ExploreFingerprint, MergedStatesHaveTheSameFutureSloppyLockstep) {
  ExploreSetup setup = testing::sloppy_setup(Side::both);
  setup.bounds = ExploreBounds{.clients = 2, .ops_per_client = 1, .crashes = 1,
                               .timer_firings_per_node = 1};
  EXPECT_GT(check_merged_pairs(setup, 4), 100u);
}

// Equal content reached through different inputs meets: a probe answered
// before or after a store request leaves the replica in one state.
TEST(ExploreFingerprint, ContentEqualStatesMeet) {
  ExploreSetup setup = testing::tiny_setup(Side::model);
  setup.bounds.timer_firings_per_node = 1;
  World world(setup);
  // Node 0's probe round, then the client's put: two independent inputs
  // reach node 1 (a Probe and a StoreRequest); deliver them in both orders.
  // Takes the first enabled step of `kind` whose text has `what` and `where`.
  const auto take = [](World& w, ChoiceKind kind, const std::string& what,
                       const std::string& where = "") {
    for (const Choice& c : w.enabled()) {
      if (c.kind == kind && c.text.find(what) != std::string::npos &&
          c.text.find(where) != std::string::npos) {
        w.apply(c);
        return true;
      }
    }
    return false;
  };
  ASSERT_TRUE(take(world, ChoiceKind::fire_timer, "timer probe", "at node 0"));
  ASSERT_TRUE(take(world, ChoiceKind::invoke, "client 0"));
  World probe_first(world);
  World store_first(world);
  ASSERT_TRUE(take(probe_first, ChoiceKind::deliver, "Probe ", "to 1"));
  ASSERT_TRUE(take(probe_first, ChoiceKind::deliver, "StoreRequest", "to 1"));
  ASSERT_TRUE(take(store_first, ChoiceKind::deliver, "StoreRequest", "to 1"));
  ASSERT_TRUE(take(store_first, ChoiceKind::deliver, "Probe ", "to 1"));
  EXPECT_EQ(fingerprint(probe_first, false), fingerprint(store_first, false));
}

// A node's cached behaviour hash is cleared whenever it handles an event: a
// state fingerprinted after steps whose ancestors were fingerprinted (caches
// carried over by copies) equals the same state rebuilt from the start with
// no fingerprint taken on the way (nothing cached).
TEST(ExploreFingerprint, CachedNodeHashesNeverGoStale) {
  ExploreSetup setup = testing::sloppy_setup(Side::both);
  setup.bounds = ExploreBounds{.clients = 2, .ops_per_client = 1, .crashes = 1,
                               .lost_messages = 1, .timer_firings_per_node = 1};
  uint64_t compared = 0;
  for (uint64_t walk = 0; walk < 40; ++walk) {
    auto cached = std::make_unique<World>(setup);
    std::vector<Choice> path;
    for (uint32_t depth = 0; depth < 24; ++depth) {
      const std::vector<Choice> choices = cached->enabled();
      if (choices.empty()) break;
      const Choice step = choices[(walk * 7 + depth * 13) % choices.size()];
      path.push_back(step);
      auto next = std::make_unique<World>(*cached);
      next->apply(step);
      World rebuilt(setup);
      for (const Choice& c : path) rebuilt.apply(c);
      ASSERT_EQ(fingerprint(*next, true), fingerprint(rebuilt, true))
          << "walk " << walk << " depth " << depth << ": " << step.text;
      ++compared;
      cached = std::move(next);
    }
  }
  EXPECT_GT(compared, 300u);
}

}  // namespace dt
