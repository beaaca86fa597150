// The independence relation that sleep sets trust (explore/choice.h): two
// steps judged independent in a state must both stay enabled after the other
// and lead to one state in either order. Checked pair by pair on states of
// random walks under every fault kind, both timeout policies and lockstep;
// a pair that fails is a step whose footprint is too small, and sleep sets
// would then skip states (as a restart once did under after-loss).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "explore/choice.h"
#include "explore/fingerprint.h"
#include "explore/world.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

namespace {

constexpr IdentityOptions kOrderedIdentity{.symmetry = false, .commuting_steps = false};
constexpr IdentityOptions kExact{.symmetry = false, .commuting_steps = false, .exact_order = true};

const Choice* find_choice(const std::vector<Choice>& choices, uint64_t key) {
  auto it = std::find_if(choices.begin(), choices.end(),
                         [&](const Choice& c) { return c.key == key; });
  return it == choices.end() ? nullptr : &*it;
}

struct PairCounts {
  uint64_t independent = 0;
  uint64_t independent_exact = 0;  // of those, also under the exact-order identity
  std::map<std::string, uint64_t> by_kinds;  // "restart/fire_timer" -> pairs checked
};

// Checks every independent pair of steps enabled in `s`.
void check_pairs(const World& s, PairCounts& counts, const std::string& where) {
  const std::vector<Choice> steps = s.enabled();
  std::vector<World> after;
  std::vector<Footprint> footprints;
  after.reserve(steps.size());
  for (const Choice& c : steps) {
    after.emplace_back(s);
    footprints.push_back(after.back().apply(c).footprint);
  }
  for (size_t i = 0; i < steps.size(); ++i) {
    for (size_t j = i + 1; j < steps.size(); ++j) {
      if (!independent(footprints[i], footprints[j])) continue;
      if (after[i].divergence || after[j].divergence) continue;
      ++counts.independent;
      std::string a = to_string(steps[i].kind), b = to_string(steps[j].kind);
      const std::string kinds = a < b ? a + "/" + b : b + "/" + a;
      ++counts.by_kinds[kinds];
      const std::string pair =
          where + ": " + s.step_text(steps[i]) + " || " + s.step_text(steps[j]);
      const std::vector<Choice> from_i = after[i].enabled();
      const std::vector<Choice> from_j = after[j].enabled();
      const Choice* j_after_i = find_choice(from_i, steps[j].key);
      const Choice* i_after_j = find_choice(from_j, steps[i].key);
      ASSERT_NE(j_after_i, nullptr) << "the first step disables the second: " << pair;
      ASSERT_NE(i_after_j, nullptr) << "the second step disables the first: " << pair;
      World ij(after[i]);
      ij.apply(*j_after_i);
      World ji(after[j]);
      ji.apply(*i_after_j);
      EXPECT_EQ(fingerprint(ij, kOrderedIdentity), fingerprint(ji, kOrderedIdentity))
          << "the two orders end in different states: " << pair;
      // Under the exact-order identity only pairs where at most one step
      // left a record or history event commute.
      if (independent(footprints[i], footprints[j], /*exact_order=*/true)) {
        ++counts.independent_exact;
        EXPECT_EQ(fingerprint(ij, kExact), fingerprint(ji, kExact))
            << "the two orders end in different exact-order states: " << pair;
      }
    }
  }
}

void walk_and_check(const ExploreSetup& setup, const char* name, uint32_t walks,
                    PairCounts& counts) {
  std::mt19937_64 rng(20261201);
  for (uint32_t w = 0; w < walks; ++w) {
    World world(setup);
    for (uint32_t depth = 0; depth < setup.bounds.max_depth && !world.divergence; ++depth) {
      check_pairs(world, counts, std::string(name) + ", walk " + std::to_string(w));
      if (::testing::Test::HasFatalFailure()) return;
      const std::vector<Choice> steps = world.enabled();
      if (steps.empty()) break;
      world.apply(steps[rng() % steps.size()]);
    }
  }
}

}  // namespace

TEST(ExploreIndependence, IndependentStepsCommuteAndStayEnabled) {
  struct Case {
    ExploreSetup setup;
    const char* name;
  };
  std::vector<Case> cases;
  for (TimeoutPolicy policy : {TimeoutPolicy::after_loss, TimeoutPolicy::any}) {
    ExploreSetup s = testing::tiny_setup();
    s.bounds.ops_per_client = 2;
    s.bounds.op_pattern = {OpFn::put, OpFn::get};
    s.bounds.crashes = 1;
    s.bounds.partitions = 1;
    s.bounds.lost_messages = 1;
    s.bounds.duplicates = 1;
    s.bounds.timeouts = policy;
    s.bounds.max_depth = 24;
    cases.push_back({s, policy == TimeoutPolicy::any ? "strict impl, any" : "strict impl, after-loss"});
  }
  {
    ExploreSetup s = testing::sloppy_setup(Side::both);
    s.bounds.ops_per_client = 2;
    s.bounds.op_pattern = {OpFn::put, OpFn::get};
    s.bounds.crashes = 1;
    s.bounds.wipes = 1;
    s.bounds.partitions = 1;
    s.bounds.lost_messages = 1;
    s.bounds.timer_firings_per_node = 1;
    s.bounds.timeouts = TimeoutPolicy::after_loss;
    s.bounds.max_depth = 24;
    cases.push_back({s, "sloppy lockstep, every fault, periodic timers, after-loss"});
  }
  {
    ExploreSetup s = testing::tiny_setup(Side::model);
    s.config.nodes = 3;
    s.config.replicas_n = 3;
    s.config.read_quorum_r = 2;
    s.config.partitions_q = 4;
    s.bounds.clients = 2;
    s.bounds.ops_per_client = 2;
    s.bounds.coordinators = CoordinatorPolicy::any;
    s.bounds.crashes = 1;
    s.bounds.partitions = 1;
    s.bounds.lost_messages = 2;
    s.bounds.timeouts = TimeoutPolicy::after_loss;
    s.bounds.max_depth = 30;
    cases.push_back({s, "3 nodes strict model, 2 clients at any node, after-loss"});
  }
  PairCounts counts;
  for (const Case& c : cases) {
    walk_and_check(c.setup, c.name, 150, counts);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(counts.independent, 10000u);
  EXPECT_GT(counts.independent_exact, 1000u);
  // The pairs that once went wrong or could: restarts and faults against
  // timers and deliveries.
  for (const char* kinds : {"fire_timer/restart", "deliver/restart", "drop/fire_timer",
                            "deliver/drop"}) {
    EXPECT_GT(counts.by_kinds[kinds], 0u) << kinds << " never checked";
  }
}

}  // namespace dt
