// ddmin finds a 1-minimal failing subset and never re-runs a subset.
#include "fuzz/ddmin.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

namespace dt {
namespace {

bool contains_all(const std::vector<size_t>& kept, const std::set<size_t>& needed) {
  return std::all_of(needed.begin(), needed.end(), [&](size_t n) {
    return std::find(kept.begin(), kept.end(), n) != kept.end();
  });
}

TEST(Ddmin, FindsTheTwoIndicesThatMatter) {
  const std::set<size_t> needed = {3, 11};
  size_t tests = 0;
  const std::vector<size_t> kept = ddmin(16, [&](const std::vector<size_t>& subset) {
    ++tests;
    return contains_all(subset, needed);
  });
  EXPECT_EQ(kept, (std::vector<size_t>{3, 11}));
  EXPECT_LT(tests, 60u);
}

TEST(Ddmin, EmptySetWhenNothingMatters) {
  size_t tests = 0;
  const std::vector<size_t> kept = ddmin(10, [&](const std::vector<size_t>&) {
    ++tests;
    return true;
  });
  EXPECT_TRUE(kept.empty());
  EXPECT_EQ(tests, 1u);
}

TEST(Ddmin, NoIndicesMeansNoTests) {
  size_t tests = 0;
  EXPECT_TRUE(ddmin(0, [&](const std::vector<size_t>&) { return ++tests > 0; }).empty());
  EXPECT_EQ(tests, 0u);
}

TEST(Ddmin, KeepsEverythingWhenEveryIndexIsNeeded) {
  const std::vector<size_t> kept =
      ddmin(5, [](const std::vector<size_t>& subset) { return subset.size() == 5; });
  EXPECT_EQ(kept, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

TEST(Ddmin, AFailingTestBudgetEndsTheSearchWithTheBestSoFar) {
  size_t tests = 0;
  const std::vector<size_t> kept = ddmin(32, [&](const std::vector<size_t>& subset) {
    return ++tests <= 3 && contains_all(subset, {0});
  });
  EXPECT_TRUE(contains_all(kept, {0}));
  EXPECT_LT(kept.size(), 32u);
}

RC_GTEST_PROP(Ddmin, ResultFailsIsOneMinimalAndNoSubsetRepeats, ()) {
  const size_t count = *rc::gen::inRange<size_t>(1, 40);
  const std::vector<size_t> raw = *rc::gen::container<std::vector<size_t>>(
      *rc::gen::inRange<size_t>(1, 4), rc::gen::inRange<size_t>(0, count));
  const std::set<size_t> needed(raw.begin(), raw.end());
  std::set<std::vector<size_t>> seen;
  auto fails = [&](const std::vector<size_t>& subset) {
    RC_ASSERT(seen.insert(subset).second);
    RC_ASSERT(std::is_sorted(subset.begin(), subset.end()));
    return contains_all(subset, needed);
  };
  const std::vector<size_t> kept = ddmin(count, fails);
  RC_ASSERT(std::set<size_t>(kept.begin(), kept.end()) == needed);
}

}  // namespace
}  // namespace dt
