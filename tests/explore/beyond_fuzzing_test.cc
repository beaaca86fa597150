// The zoo bug campaigns do not find (docs/explore.md, "Beyond fuzzing"):
// request_ids_reset_on_crash needs a reply sent while its coordinator was
// down to arrive after the restart, when a new get of the same key has
// reused the id. explore finds it in 12 steps, and the counterexample, written
// as an interleaving file and read back, replays to the same violation.
#include <gtest/gtest.h>

#include "explore/interleaving.h"
#include "explore/search.h"
#include "sim/run_digest.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

namespace {

constexpr const char* kBug = "request_ids_reset_on_crash";

// scripts/explore-zoo.sh's config R: get, put, get by one client at any
// node, one crash, timeouts only after a loss (the simulator's timing).
ExploreSetup beyond_setup(const std::string& bug) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, bug);
  setup.bounds.ops_per_client = 3;
  setup.bounds.op_pattern = {OpFn::get, OpFn::put, OpFn::get};
  setup.bounds.coordinators = CoordinatorPolicy::any;
  setup.bounds.crashes = 1;
  setup.bounds.timeouts = TimeoutPolicy::after_loss;
  return setup;
}

SearchOptions unbounded_memory() {
  SearchOptions o;
  o.max_memory_bytes = 0;
  return o;
}

}  // namespace

TEST(BeyondFuzzing, ExploreFindsRequestIdsResetOnCrashInTwelveSteps) {
  const ExploreSetup setup = beyond_setup(kBug);
  const ExploreResult result = explore(setup, unbounded_memory());
  ASSERT_TRUE(result.counterexample.has_value());
  EXPECT_EQ(result.counterexample->verdict.failure, "quorum_overlap/stale_read");
  EXPECT_EQ(result.counterexample->choices.size(), 12u);
  size_t crashes = 0;
  for (const Choice& choice : result.counterexample->choices) {
    if (choice.kind == ChoiceKind::crash) ++crashes;
  }
  EXPECT_EQ(crashes, 1u) << "the id is reused only after a crash";
}

TEST(BeyondFuzzing, TheCounterexampleReplaysFromItsFile) {
  const ExploreSetup setup = beyond_setup(kBug);
  const ExploreResult result = explore(setup, unbounded_memory());
  ASSERT_TRUE(result.counterexample.has_value());
  Interleaving out;
  out.side = "impl";
  out.config = setup.config;
  out.bounds = setup.bounds;
  out.inject = {kBug};
  out.choices = refs_of(result.counterexample->choices);
  out.failure = result.counterexample->verdict.failure;
  out.digest = digest_hex(result.counterexample->verdict.digest);
  const Result<Interleaving> back = read_interleaving_json(write_interleaving_json(out), "cx");
  ASSERT_TRUE(back.is_ok()) << back.error();
  const Result<ExploreSetup> again = setup_of(back.value());
  ASSERT_TRUE(again.is_ok()) << again.error();
  const Result<PathVerdict> replayed = replay_interleaving(again.value(), back.value().choices);
  ASSERT_TRUE(replayed.is_ok()) << replayed.error();
  EXPECT_EQ(replayed.value().failure, "quorum_overlap/stale_read");
  EXPECT_EQ(replayed.value().digest, result.counterexample->verdict.digest);
}

// Without the bug no path as long as the counterexample fails: the late
// reply's id names no open request, so it is dropped.
TEST(BeyondFuzzing, WithoutTheBugNoPathOfThatLengthFails) {
  ExploreSetup setup = beyond_setup("");
  setup.bounds.max_depth = 12;
  const ExploreResult result = explore(setup, unbounded_memory());
  EXPECT_FALSE(result.counterexample.has_value());
  EXPECT_GT(result.stats.histories_checked, 0u);
}

}  // namespace dt
