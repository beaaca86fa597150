// Minimizing an interleaving keeps its failure, replays, and shrinks a
// depth-first counterexample. (It may end shorter than BFS's shortest: a
// minimized path need not finish the client scripts, and the final reads of
// the path end can show the failure.)
#include "explore/minimize_interleaving.h"

#include <gtest/gtest.h>

#include "explore/search.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

TEST(MinimizeInterleaving, ShrinksADepthFirstCounterexample) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
  setup.bounds.ops_per_client = 2;
  setup.bounds.timer_firings_per_node = 1;
  SearchOptions options;
  options.max_memory_bytes = 0;
  const ExploreResult shortest = explore(setup, options);
  options.order = SearchOrder::dfs;
  const ExploreResult deep = explore(setup, options);
  ASSERT_TRUE(shortest.counterexample.has_value());
  ASSERT_TRUE(deep.counterexample.has_value());
  const std::vector<ChoiceRef> long_path = refs_of(deep.counterexample->choices);
  ASSERT_GT(long_path.size(), shortest.counterexample->choices.size());

  const Result<InterleavingMinimizeResult> r = minimize_interleaving(setup, long_path, 10'000);
  ASSERT_TRUE(r.is_ok()) << r.error();
  EXPECT_EQ(r.value().verdict.failure, deep.counterexample->verdict.failure);
  EXPECT_LT(r.value().choices.size(), long_path.size());
  const Result<PathVerdict> again = replay_interleaving(setup, r.value().choices);
  ASSERT_TRUE(again.is_ok()) << again.error();
  EXPECT_EQ(again.value().digest, r.value().verdict.digest);
}

TEST(MinimizeInterleaving, RejectsAPassingInterleaving) {
  const ExploreSetup setup = testing::tiny_setup();
  const Result<InterleavingMinimizeResult> r = minimize_interleaving(setup, {}, 10);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.error().find("does not fail"), std::string::npos);
}

}  // namespace dt
