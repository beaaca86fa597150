// The fast budget of the differential target (kFastFuzzBudget): the quick
// caps with model and impl states compared every few events. It must report
// only real failures, exactly as a replay reports them, and still find bugs:
// a clean tree passes thousands of inputs, and a set of zoo bugs from every
// part of the protocol is found within a few dozen fixed inputs.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/prng.h"
#include "fuzz/fuzz_entry.h"
#include "fuzz/run_check.h"
#include "impl/bugs.h"
#include "model/model_node.h"
#include "nodes/sides.h"
#include "tests/fuzz/planted_nodes.h"

namespace dt {
namespace {

// Input i of a fixed sequence: 0..255 pseudo-random bytes, as bench draws them.
class Inputs {
 public:
  explicit Inputs(uint64_t seed) : prng_(seed) {}
  std::vector<uint8_t> next() {
    std::vector<uint8_t> bytes(prng_.below(256));
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(prng_.next_u64());
    return bytes;
  }

 private:
  Prng prng_;
};

TEST(FuzzEntryFastBudget, IsTheQuickCapsWithSparseStateChecks) {
  EXPECT_EQ(kFastFuzzBudget.max_ops, kQuickFuzzBudget.max_ops);
  EXPECT_EQ(kFastFuzzBudget.max_duration_ns, kQuickFuzzBudget.max_duration_ns);
  EXPECT_GT(kFastFuzzBudget.state_check_interval, 1u);
  EXPECT_EQ(kFullFuzzBudget.state_check_interval, 1u);
  EXPECT_EQ(kQuickFuzzBudget.state_check_interval, 1u);
  EXPECT_STREQ(fuzz_budget_name(kFastFuzzBudget), "fast");
  EXPECT_STREQ(fuzz_budget_name(kQuickFuzzBudget), "quick");
  EXPECT_STREQ(fuzz_budget_name(kFullFuzzBudget), "full");
}

TEST(FuzzEntryFastBudget, IsChosenByTheEnvironment) {
  unsetenv("DT_FUZZ_FAST");
  unsetenv("DT_FUZZ_QUICK");
  EXPECT_EQ(fuzz_budget_from_env(), kFullFuzzBudget);
  setenv("DT_FUZZ_QUICK", "1", 1);
  EXPECT_EQ(fuzz_budget_from_env(), kQuickFuzzBudget);
  setenv("DT_FUZZ_FAST", "1", 1);
  EXPECT_EQ(fuzz_budget_from_env(), kFastFuzzBudget);
  setenv("DT_FUZZ_FAST", "0", 1);
  EXPECT_EQ(fuzz_budget_from_env(), kQuickFuzzBudget);
  unsetenv("DT_FUZZ_FAST");
  unsetenv("DT_FUZZ_QUICK");
}

TEST(FuzzEntryFastBudget, ACleanTreeReportsNothing) {
  const SideFactories both = factories_for(Side::both);
  Inputs inputs(20260);
  for (int input = 0; input < 3000; ++input) {
    const auto failure =
        differential_one(inputs.next(), both.primary, both.shadow, kFastFuzzBudget);
    ASSERT_FALSE(failure.has_value()) << "input " << input << ": " << failure->description;
  }
}

// A state difference that shows in no effect: the sparse run sees it only at
// a later state check, and the report is still the exact event (the restart).
TEST(FuzzEntryFastBudget, AStateOnlyDivergenceIsReportedAtItsExactEvent) {
  Inputs inputs(7);
  for (int input = 0; input < 200; ++input) {
    const std::vector<uint8_t> bytes = inputs.next();
    const Schedule s = bounded_fuzz_schedule(bytes, kFastFuzzBudget);
    if (std::none_of(s.events.begin(), s.events.end(),
                     [](const ScheduleEvent& e) { return e.kind == EventKind::crash; })) {
      continue;
    }
    RunOptions sparse;
    sparse.primary = &make_model_node;
    sparse.shadow = &testing::make_restart_hiding_node;
    sparse.state_check_interval = kFastFuzzBudget.state_check_interval;
    const RunVerdict seen = run_and_check(s, sparse);
    if (!seen.run.divergence) continue;  // the crashed node never came back
    EXPECT_TRUE(seen.run.divergence->at_state_check);
    sparse.state_check_interval = 1;
    const RunVerdict dense = run_and_check(s, sparse);
    ASSERT_TRUE(dense.run.divergence.has_value());
    EXPECT_FALSE(dense.run.divergence->at_state_check);
    EXPECT_LE(dense.run.divergence->event_index, seen.run.divergence->event_index);
    const auto fast = differential_one(bytes, &make_model_node, &testing::make_restart_hiding_node,
                                       kFastFuzzBudget);
    const auto exact = differential_one(bytes, &make_model_node, &testing::make_restart_hiding_node,
                                        kQuickFuzzBudget);
    ASSERT_TRUE(fast.has_value());
    ASSERT_TRUE(exact.has_value());
    EXPECT_EQ(fast->description, exact->description);
    EXPECT_EQ(fast->schedule, exact->schedule);
    EXPECT_NE(
        fast->description.find(fmt::format("at event {} ", dense.run.divergence->event_index)),
        std::string::npos)
        << fast->description;
    EXPECT_NE(fast->description.find("suspected"), std::string::npos) << fast->description;
    EXPECT_EQ(fast->description.find("state check"), std::string::npos) << fast->description;
    return;
  }
  FAIL() << "no input restarted a crashed node";
}

// One zoo bug per part of the protocol: handoff, the store's merge, Merkle
// anti-entropy, placement, the read path, quorums, the failure detector.
// The bound is about twice the inputs the slowest of them needed.
constexpr const char* kRepresentativeBugs[] = {
    "hint_deleted_before_ack",
    "handoff_skips_tombstones",
    "sibling_drop_on_merge",
    "merkle_leaf_not_updated_on_repair",
    "last_partition_not_in_tree",
    "duplicate_preference_node",
    "fetch_hides_tombstones",
    "write_quorum_off_by_one",
    "suspicion_never_cleared",
    "no_hinted_handoff",
    "no_anti_entropy",
};
constexpr int kMaxInputsPerBug = 40;

TEST(FuzzEntryFastBudget, FindsRepresentativeZooBugs) {
  const SideFactories both = factories_for(Side::both);
  for (const char* bug : kRepresentativeBugs) {
    ASSERT_NE(find_bug(bug), nullptr) << bug;
    const std::vector<std::string> inject{bug};
    Inputs inputs(13);
    int input = 0;
    std::optional<DifferentialFailure> found;
    std::vector<uint8_t> bytes;
    for (; input < kMaxInputsPerBug && !found; ++input) {
      bytes = inputs.next();
      found = differential_one(bytes, both.primary, both.shadow, kFastFuzzBudget, inject);
    }
    ASSERT_TRUE(found.has_value()) << bug << " not found in " << kMaxInputsPerBug << " inputs";
    EXPECT_EQ(found->schedule.inject, inject) << bug;
    // What a replay with states compared after every event reports.
    const auto exact = differential_one(bytes, both.primary, both.shadow, kQuickFuzzBudget, inject);
    ASSERT_TRUE(exact.has_value()) << bug;
    EXPECT_EQ(found->description, exact->description) << bug;
    // The bug, not the input, failed it.
    EXPECT_FALSE(differential_one(bytes, both.primary, both.shadow, kFastFuzzBudget).has_value())
        << bug << ": input " << input - 1 << " fails without the bug";
    std::printf("%-36s found at input %d\n", bug, input - 1);
  }
}

}  // namespace
}  // namespace dt
