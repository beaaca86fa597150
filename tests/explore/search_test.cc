// The search against a brute-force enumeration, and each reduction and the
// number of jobs against the plain search: same states, same bugs.
#include "explore/search.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <utility>

#include "explore/fingerprint.h"
#include "explore/world.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

namespace {

// Every path of the tree (no visited set, no reductions): the set of
// fingerprints reached and how many path ends fail.
struct BruteForce {
  std::set<uint64_t> states;
  uint64_t failing_ends = 0;
  uint64_t paths = 0;
};

void enumerate(const World& world, uint32_t depth, uint32_t max_depth, BruteForce& out) {
  out.states.insert(fingerprint(world, {.symmetry = false, .commuting_steps = false}));
  if (world.divergence || world.clients_done()) {
    if (finish_path(World(world)).failed()) ++out.failing_ends;
  }
  const std::vector<Choice> choices = world.enabled();
  if (choices.empty() || depth == max_depth) ++out.paths;
  if (depth == max_depth) return;
  for (const Choice& c : choices) {
    World next(world);
    next.apply(c);
    enumerate(next, depth + 1, max_depth, out);
  }
}

struct SearchCase {
  ExploreSetup setup;
  const char* name;
};

// Clean configs with crashes, lost messages, partitions, both timeout
// policies, periodic timers and the model/impl lockstep.
std::vector<SearchCase> crash_and_timer_cases() {
  std::vector<SearchCase> cases;
  ExploreSetup s = testing::tiny_setup();
  s.bounds.crashes = 1;
  s.bounds.lost_messages = 1;
  cases.push_back({s, "strict impl, crash + lost"});
  s.bounds.timeouts = TimeoutPolicy::after_loss;
  cases.push_back({s, "strict impl, crash + lost, after-loss"});
  // A restart under after-loss disables the timeouts that waited for copies
  // to its node; before it was made dependent on them, DFS lost 30 of these
  // 4,323 states.
  s.bounds.lost_messages = 0;
  s.bounds.partitions = 1;
  s.bounds.ops_per_client = 2;
  cases.push_back({s, "strict impl, put + get, crash + partition, after-loss"});
  ExploreSetup sloppy = testing::sloppy_setup(Side::both);
  sloppy.bounds.crashes = 1;
  sloppy.bounds.timer_firings_per_node = 1;
  sloppy.bounds.max_depth = 5;
  cases.push_back({sloppy, "sloppy lockstep, crash + periodic timers, depth 5"});
  return cases;
}

SearchOptions plain() {
  SearchOptions o;
  o.sleep_sets = false;
  o.identity = {.symmetry = false, .commuting_steps = false};
  o.stop_at_first = false;
  o.max_memory_bytes = 0;
  return o;
}

}  // namespace

TEST(ExploreSearch, CountsMatchBruteForce) {
  const ExploreSetup setup = testing::tiny_setup();
  BruteForce brute;
  enumerate(World(setup), 0, setup.bounds.max_depth, brute);
  const ExploreResult bfs = explore(setup, plain());
  EXPECT_EQ(bfs.stats.states, brute.states.size());
  EXPECT_EQ(bfs.stats.failing_paths, 0u);
  EXPECT_TRUE(bfs.exhaustive());
  SearchOptions dfs = plain();
  dfs.order = SearchOrder::dfs;
  EXPECT_EQ(explore(setup, dfs).stats.states, brute.states.size());
}

TEST(ExploreSearch, CountsMatchBruteForceWithFaults) {
  ExploreSetup setup = testing::tiny_setup();
  setup.bounds.lost_messages = 1;
  setup.bounds.crashes = 1;
  setup.bounds.max_depth = 7;
  BruteForce brute;
  enumerate(World(setup), 0, setup.bounds.max_depth, brute);
  const ExploreResult result = explore(setup, plain());
  EXPECT_EQ(result.stats.states, brute.states.size());
  EXPECT_TRUE(result.stats.hits.depth);
  EXPECT_FALSE(result.exhaustive());
}

TEST(ExploreSearch, SleepSetsKeepEveryStateAndSkipSteps) {
  ExploreSetup setup = testing::tiny_setup();
  setup.bounds.lost_messages = 1;
  const ExploreResult without = explore(setup, plain());
  SearchOptions with = plain();
  with.sleep_sets = true;
  const ExploreResult reduced = explore(setup, with);
  EXPECT_EQ(reduced.stats.states, without.stats.states);
  EXPECT_EQ(reduced.stats.histories_checked, without.stats.histories_checked);
  EXPECT_LT(reduced.stats.transitions, without.stats.transitions);
  EXPECT_GT(reduced.stats.sleep_skipped, 0u);
}

// Sleep sets prune steps, never states: with a crash (which removes the copies
// in flight to its node, so its order against every sending step matters),
// periodic timers, both timeout policies and the model/impl lockstep, BFS and
// DFS with sleep sets reach exactly the states and path ends of the plain
// search. (Before crashes and sends were made dependent, the first config
// lost 321 of its 1,710 states.)
TEST(ExploreSearch, SleepSetsKeepEveryStateWithCrashesAndTimers) {
  const std::vector<SearchCase> cases = crash_and_timer_cases();
  for (const SearchCase& c : cases) {
    for (const auto& [order, commuting] :
         {std::pair{SearchOrder::bfs, false}, std::pair{SearchOrder::dfs, false},
          std::pair{SearchOrder::bfs, true}, std::pair{SearchOrder::dfs, true}}) {
      SearchOptions without = plain();
      without.order = order;
      without.identity.commuting_steps = commuting;  // a coarser identity, the same rule
      SearchOptions with = without;
      with.sleep_sets = true;
      const ExploreResult a = explore(c.setup, without);
      const ExploreResult b = explore(c.setup, with);
      const std::string o = std::string(order == SearchOrder::bfs ? "bfs" : "dfs") +
                            (commuting ? ", commuting steps" : "");
      if (a.exhaustive()) {
        EXPECT_EQ(b.stats.states, a.stats.states) << c.name << ", " << o;
        EXPECT_EQ(b.stats.histories_checked, a.stats.histories_checked) << c.name << ", " << o;
      } else {
        // Cut by depth: a state may lie deeper on the pruned paths; none is
        // reached that the plain search does not reach.
        EXPECT_LE(b.stats.states, a.stats.states) << c.name << ", " << o;
      }
      EXPECT_LT(b.stats.transitions, a.stats.transitions) << c.name << ", " << o;
      EXPECT_EQ(a.stats.failing_paths + b.stats.failing_paths, 0u) << c.name;
    }
  }
}

// Under the exact-order identity sleep sets still prune only steps: two
// steps that both leave a record count as dependent there (choice.h).
TEST(ExploreSearch, SleepSetsKeepEveryStateUnderExactOrder) {
  ExploreSetup setup = testing::tiny_setup();
  setup.bounds.lost_messages = 1;
  setup.bounds.crashes = 1;
  setup.bounds.partitions = 1;
  setup.bounds.timeouts = TimeoutPolicy::after_loss;
  for (SearchOrder order : {SearchOrder::bfs, SearchOrder::dfs}) {
    SearchOptions without = plain();
    without.order = order;
    without.identity.exact_order = true;
    SearchOptions with = without;
    with.sleep_sets = true;
    const ExploreResult a = explore(setup, without);
    const ExploreResult b = explore(setup, with);
    ASSERT_TRUE(a.exhaustive());
    EXPECT_EQ(b.stats.states, a.stats.states);
    EXPECT_EQ(b.stats.histories_checked, a.stats.histories_checked);
    EXPECT_LT(b.stats.transitions, a.stats.transitions);
  }
}

// The judged orders (explore/judged_orders.h) make a hint deletion and the
// home's ack of that hint dependent: taken in the two orders they reach two
// states. Sleep sets must then take both orders, or they lose a state (and
// the violating order with it). Fails when independent() ignores them.
TEST(ExploreSearch, SleepSetsKeepEveryJudgedOrder) {
  ExploreSetup setup = testing::config_n_setup("failed_handoff_drops_hint");
  setup.bounds.max_depth = 8;  // at 7 sleep sets lose no state even without the rule
  SearchOptions without = plain();
  without.stop_at_first = false;
  SearchOptions with = without;
  with.sleep_sets = true;
  const ExploreResult a = explore(setup, without);
  const ExploreResult b = explore(setup, with);
  EXPECT_EQ(b.stats.states, a.stats.states);
  EXPECT_EQ(b.stats.histories_checked, a.stats.histories_checked);
  EXPECT_EQ(b.stats.failing_paths, a.stats.failing_paths);
  EXPECT_GT(a.stats.failing_paths, 0u);
  EXPECT_LT(b.stats.transitions, a.stats.transitions);
}

TEST(ExploreSearch, ResultDoesNotDependOnJobs) {
  ExploreSetup setup = testing::tiny_setup();
  setup.bounds.lost_messages = 1;
  SearchOptions one = plain();
  one.sleep_sets = true;
  SearchOptions two = one;
  two.jobs = 2;
  const ExploreResult a = explore(setup, one);
  const ExploreResult b = explore(setup, two);
  EXPECT_EQ(a.stats.states, b.stats.states);
  EXPECT_EQ(a.stats.transitions, b.stats.transitions);
  EXPECT_EQ(a.stats.histories_checked, b.stats.histories_checked);
  EXPECT_EQ(a.stats.taken, b.stats.taken);
}

// Compact BFS rebuilds each state's world by replay instead of keeping a
// level's worlds; it must make the same expansions in the same order: every
// count, the sleep-set bookkeeping and the counterexample equal plain BFS's,
// for one and for two jobs, with and without sleep sets, on clean configs
// (crashes, lost messages, periodic timers, lockstep), on configs cut by
// depth, and on zoo bugs.
TEST(ExploreSearch, CompactFrontierGivesTheSameResultAsBfs) {
  std::vector<SearchCase> cases = crash_and_timer_cases();
  {
    ExploreSetup s = cases[2].setup;
    s.bounds.max_depth = 7;
    cases.push_back({s, "strict impl, put + get, crash + partition, after-loss, cut at depth 7"});
  }
  {
    ExploreSetup s = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
    s.bounds.ops_per_client = 2;
    s.bounds.crashes = 1;
    cases.push_back({s, "write_quorum_off_by_one"});
    ExploreSetup d = testing::tiny_setup(Side::impl, "no_read_repair");  // zoo config D
    d.config.read_quorum_r = 2;
    d.config.write_quorum_w = 1;
    d.bounds.ops_per_client = 2;
    cases.push_back({d, "no_read_repair"});
  }
  for (const SearchCase& c : cases) {
    for (const bool sleep_sets : {false, true}) {
      SearchOptions bfs = plain();
      bfs.sleep_sets = sleep_sets;
      bfs.stop_at_first = true;
      const ExploreResult want = explore(c.setup, bfs);
      for (const uint32_t jobs : {1u, 2u}) {
        SearchOptions compact = bfs;
        compact.compact_frontier = true;
        compact.jobs = jobs;
        const ExploreResult got = explore(c.setup, compact);
        const std::string what = std::string(c.name) + (sleep_sets ? ", sleep sets" : "") +
                                 ", jobs " + std::to_string(jobs);
        EXPECT_EQ(got.stats.states, want.stats.states) << what;
        EXPECT_EQ(got.stats.transitions, want.stats.transitions) << what;
        EXPECT_EQ(got.stats.histories_checked, want.stats.histories_checked) << what;
        EXPECT_EQ(got.stats.failing_paths, want.stats.failing_paths) << what;
        EXPECT_EQ(got.stats.max_depth, want.stats.max_depth) << what;
        EXPECT_EQ(got.stats.sleep_skipped, want.stats.sleep_skipped) << what;
        EXPECT_EQ(got.stats.sleep_revisits, want.stats.sleep_revisits) << what;
        EXPECT_EQ(got.stats.enabled, want.stats.enabled) << what;
        EXPECT_EQ(got.stats.taken, want.stats.taken) << what;
        EXPECT_EQ(got.exhaustive(), want.exhaustive()) << what;
        ASSERT_EQ(got.counterexample.has_value(), want.counterexample.has_value()) << what;
        const bool zoo = !c.setup.inject.empty();
        EXPECT_EQ(want.counterexample.has_value(), zoo) << what;
        if (!want.counterexample) continue;
        ASSERT_EQ(got.counterexample->choices.size(), want.counterexample->choices.size()) << what;
        for (size_t i = 0; i < want.counterexample->choices.size(); ++i) {
          EXPECT_EQ(got.counterexample->choices[i].text, want.counterexample->choices[i].text)
              << what << ", step " << i;
        }
        EXPECT_EQ(got.counterexample->verdict.failure, want.counterexample->verdict.failure);
        EXPECT_EQ(got.counterexample->verdict.digest, want.counterexample->verdict.digest);
      }
    }
  }
}

// DFS on several threads shares the met states: an exhaustive search reaches
// exactly the states and path ends of BFS without sleep sets, whatever the
// threads' timing, with every reduction on: no state is lost when a thread
// runs dry while others still work, none is counted twice when two threads
// meet it at once. Repeated, since the timing varies. (It fails when a
// thread that runs dry ends the search.)
TEST(ExploreSearch, ParallelDfsMeetsEveryStateOnce) {
  std::vector<std::pair<ExploreSetup, const char*>> cases;
  {
    ExploreSetup s = testing::tiny_setup();
    s.bounds.crashes = 1;
    s.bounds.lost_messages = 1;
    cases.emplace_back(s, "strict impl, crash + lost");
  }
  {
    ExploreSetup s = testing::sloppy_setup(Side::both);
    s.bounds.crashes = 1;
    s.bounds.lost_messages = 1;
    s.bounds.ops_per_client = 2;
    s.bounds.timeouts = TimeoutPolicy::after_loss;
    cases.emplace_back(s, "sloppy lockstep, put + get, crash + lost, after-loss");
  }
  for (const auto& [setup, name] : cases) {
    SearchOptions bfs;  // the reference: every reduction but sleep sets
    bfs.sleep_sets = false;
    bfs.stop_at_first = false;
    bfs.max_memory_bytes = 0;
    const ExploreResult reference = explore(setup, bfs);
    ASSERT_TRUE(reference.exhaustive()) << name;
    ASSERT_GT(reference.stats.histories_checked, 100u) << name;
    for (uint32_t jobs : {1u, 2u, 2u, 4u, 4u}) {
      SearchOptions dfs = bfs;
      dfs.sleep_sets = true;
      dfs.order = SearchOrder::dfs;
      dfs.jobs = jobs;
      const ExploreResult r = explore(setup, dfs);
      EXPECT_TRUE(r.exhaustive()) << name << ", jobs " << jobs;
      EXPECT_EQ(r.stats.states, reference.stats.states) << name << ", jobs " << jobs;
      EXPECT_EQ(r.stats.histories_checked, reference.stats.histories_checked)
          << name << ", jobs " << jobs;
      EXPECT_EQ(r.stats.failing_paths, 0u) << name << ", jobs " << jobs;
    }
  }
}

// Parallel DFS finds a zoo bug and stops every thread on it, and a state
// bound stops every thread too (the search ends, and says it was cut).
TEST(ExploreSearch, ParallelDfsStopsAtABugOrABound) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
  setup.bounds.ops_per_client = 2;
  SearchOptions o;
  o.order = SearchOrder::dfs;
  o.jobs = 2;
  o.max_memory_bytes = 0;
  const ExploreResult found = explore(setup, o);
  ASSERT_TRUE(found.counterexample.has_value());
  EXPECT_TRUE(found.counterexample->verdict.failed());
  EXPECT_GE(found.stats.failing_paths, 1u);

  ExploreSetup clean = testing::tiny_setup();
  clean.bounds.crashes = 1;
  clean.bounds.lost_messages = 1;
  clean.bounds.max_states = 200;
  const ExploreResult cut = explore(clean, o);
  EXPECT_FALSE(cut.exhaustive());
  EXPECT_TRUE(cut.stats.hits.states);
  EXPECT_GE(cut.stats.states, 200u);
  EXPECT_LT(cut.stats.states, 400u);  // the threads stopped soon after the bound
}

// enabled() leaves a step's readable line out; a counterexample's steps get
// theirs on the way out, whatever the search kept of the path: each is the
// line its state gives for it (World::step_text) on a replay from the start.
TEST(ExploreSearch, CounterexampleStepsCarryTheirLines) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
  setup.bounds.ops_per_client = 2;
  SearchOptions bfs;
  SearchOptions dfs;
  dfs.order = SearchOrder::dfs;
  SearchOptions compact;
  compact.compact_frontier = true;
  for (const auto& [options, name] :
       {std::pair{bfs, "bfs"}, std::pair{dfs, "dfs"}, std::pair{compact, "compact bfs"}}) {
    const ExploreResult result = explore(setup, options);
    ASSERT_TRUE(result.counterexample.has_value()) << name;
    World replay(setup);
    for (const Choice& step : result.counterexample->choices) {
      EXPECT_FALSE(step.text.empty()) << name;
      EXPECT_EQ(step.text, replay.step_text(step)) << name;
      replay.apply(step);
    }
    EXPECT_EQ(result.counterexample->choices.front().text.rfind("client 0 invokes put", 0), 0u)
        << name << ": " << result.counterexample->choices.front().text;
  }
}

TEST(ExploreSearch, SymmetryMergesInterchangeableClients) {
  ExploreSetup setup = testing::tiny_setup();
  setup.bounds.clients = 2;
  setup.bounds.coordinators = CoordinatorPolicy::first;
  setup.bounds.op_pattern = {OpFn::get};
  setup.bounds.max_depth = 6;  // both searches cut at the same depth
  SearchOptions off = plain();
  SearchOptions on = plain();
  on.identity.symmetry = true;
  const ExploreResult a = explore(setup, off);
  const ExploreResult b = explore(setup, on);
  EXPECT_LT(b.stats.states, a.stats.states);
  EXPECT_EQ(a.stats.failing_paths, 0u);
  EXPECT_EQ(b.stats.failing_paths, 0u);
}

// Each reduction (and both) still finds the bug, at the same shortest length.
TEST(ExploreSearch, ReductionsLoseNoZooBug) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
  setup.bounds.ops_per_client = 2;
  SearchOptions base = plain();
  base.stop_at_first = true;
  const ExploreResult reference = explore(setup, base);
  ASSERT_TRUE(reference.counterexample.has_value());
  struct Reductions {
    bool sleep, symmetry, commuting;
  };
  for (const Reductions& on : {Reductions{true, false, false}, Reductions{false, true, false},
                               Reductions{false, false, true}, Reductions{true, true, true}}) {
    SearchOptions o = base;
    o.sleep_sets = on.sleep;
    o.identity = {.symmetry = on.symmetry, .commuting_steps = on.commuting};
    const ExploreResult r = explore(setup, o);
    ASSERT_TRUE(r.counterexample.has_value()) << on.sleep << on.symmetry << on.commuting;
    EXPECT_EQ(r.counterexample->choices.size(), reference.counterexample->choices.size());
    EXPECT_EQ(r.counterexample->verdict.failure, reference.counterexample->verdict.failure);
  }
}

TEST(ExploreSearch, CleanModelVerifiedOnTinyConfig) {
  const ExploreResult r = explore(testing::tiny_setup(Side::both), plain());
  EXPECT_FALSE(r.counterexample.has_value());
  EXPECT_TRUE(r.exhaustive());
  EXPECT_GT(r.stats.histories_checked, 0u);
}

// Under LWW a node's clock in explore is its own event count, while records
// carry the path's time; the LWW checker derives the timestamp of a write no
// reply or final state shows from its request_started record's time plus
// the node's announced skew. Until explore announced each node's offset
// (a clock_skewed record before such a record), the clean impl failed here
// with integrity/lww_wrong_winner: two puts at two nodes, both timed out
// early, the later-derived one overwritten by the write that truly had the
// higher (timestamp, dot).
TEST(ExploreSearch, CleanLwwImplVerifiedWhereTimestampsAreDerived) {
  ExploreSetup setup = testing::tiny_setup(Side::both);
  setup.config.versioning = Versioning::lww;
  setup.config.write_quorum_w = 1;
  setup.bounds.clients = 2;
  setup.bounds.op_pattern = {OpFn::put};
  setup.bounds.crashes = 1;
  setup.bounds.max_states = 30000;  // the violation was at depth 4, state 60-odd
  SearchOptions options;
  options.stop_at_first = false;
  const ExploreResult r = explore(setup, options);
  EXPECT_FALSE(r.counterexample.has_value())
      << r.counterexample->verdict.failure << " after "
      << r.counterexample->choices.size() << " steps";
  EXPECT_EQ(r.stats.failing_paths, 0u);
  EXPECT_GT(r.stats.histories_checked, 1000u);
}

}  // namespace dt
