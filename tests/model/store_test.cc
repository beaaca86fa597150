#include "model/store.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

namespace dt {
namespace {

Version stored_version(ActorId actor, uint64_t counter, VClock context = {}, int64_t ts = 0,
                       bool tombstone = false) {
  Version v;
  v.dot = Dot{actor, counter};
  v.context = std::move(context);
  v.value = tombstone ? Value{} : Value{static_cast<ElementValue>(actor * 100 + counter)};
  v.tombstone = tombstone;
  v.lww_timestamp_ns = ts;
  v.write_id = actor * 1000 + counter;
  return v;
}

TEST(StoreTest, ConcurrentVersionsBecomeSiblingsInCanonicalOrder) {
  const Version a = stored_version(2, 1), b = stored_version(1, 1);
  const MergeResult first = merge_siblings({}, {a}, Versioning::vclock);
  EXPECT_FALSE(first.sibling_created);
  const MergeResult second = merge_siblings(first.merged, {b}, Versioning::vclock);
  EXPECT_EQ(second.merged, (Siblings{b, a}));
  EXPECT_EQ(second.newly_stored, (Siblings{b}));
  EXPECT_TRUE(second.sibling_created);
  EXPECT_FALSE(second.lww_overwrite);
}

// A sibling is created only when the set grows to two or more: replacing one
// of two siblings with a descendant keeps two versions, and creates none.
TEST(StoreTest, ReplacingOneOfTwoSiblingsCreatesNoSibling) {
  const Version a = stored_version(1, 1), b = stored_version(2, 1);
  const Version a2 = stored_version(1, 2, VClock({{1, 1}}));  // supersedes a, concurrent with b
  const MergeResult result = merge_siblings({a, b}, {a2}, Versioning::vclock);
  EXPECT_EQ(result.merged.size(), 2u);
  EXPECT_EQ(result.newly_stored, Siblings{a2});
  EXPECT_FALSE(result.sibling_created);
}

// Merging nothing into an absent key stores nothing: no key without versions.
TEST(StoreTest, MergingNothingIntoAnAbsentKeyStoresNothing) {
  VersionStore store;
  const MergeResult result = store.merge(7, {}, Versioning::vclock);
  EXPECT_TRUE(result.merged.empty());
  EXPECT_TRUE(store.empty());
  EXPECT_EQ(store.entries().count(7), 0u);
}

// Caches of values derived from the store (the model node's Merkle roots)
// rely on every mutating call moving the generation on.
TEST(StoreTest, EveryMutatingCallBumpsTheGeneration) {
  VersionStore store;
  uint64_t last = store.generation();
  store.merge(7, {stored_version(1, 1)}, Versioning::vclock);
  EXPECT_GT(store.generation(), last);
  last = store.generation();
  EXPECT_TRUE(store.remove_version(7, Dot{1, 1}));
  EXPECT_GT(store.generation(), last);
  last = store.generation();
  store.clear();
  EXPECT_GT(store.generation(), last);
  last = store.generation();
  EXPECT_TRUE(store.get(7).empty());
  EXPECT_EQ(store.generation(), last);
}

TEST(StoreTest, SupersededVersionsAreDroppedEitherWay) {
  const Version old_v = stored_version(1, 1);
  const Version new_v = stored_version(1, 2, VClock({{1, 1}}));
  EXPECT_EQ(merge_siblings({old_v}, {new_v}, Versioning::vclock).merged, Siblings{new_v});
  const MergeResult stale = merge_siblings({new_v}, {old_v}, Versioning::vclock);
  EXPECT_EQ(stale.merged, Siblings{new_v});
  EXPECT_TRUE(stale.newly_stored.empty());
}

TEST(StoreTest, EqualDotsAreKeptOnce) {
  const Version v = stored_version(3, 7);
  const MergeResult result = merge_siblings({v}, {v, v}, Versioning::vclock);
  EXPECT_EQ(result.merged, Siblings{v});
  EXPECT_TRUE(result.newly_stored.empty());
  EXPECT_FALSE(result.sibling_created);
}

TEST(StoreTest, LwwKeepsTheHighestTimestampThenDot) {
  const Version early = stored_version(1, 1, {}, 500), late = stored_version(2, 1, {}, 900);
  const MergeResult result = merge_siblings({late}, {early}, Versioning::lww);
  EXPECT_EQ(result.merged, Siblings{late});
  EXPECT_TRUE(result.lww_overwrite);
  EXPECT_TRUE(result.newly_stored.empty());
  const Version tie = stored_version(3, 1, {}, 900);
  EXPECT_EQ(merge_siblings({late}, {tie}, Versioning::lww).merged, Siblings{tie});
}

TEST(StoreTest, LwwDoesNotCountSupersessionAsOverwrite) {
  const Version old_v = stored_version(1, 1, {}, 900);
  const Version new_v = stored_version(2, 1, VClock({{1, 1}}), 100);  // causally newer, older clock
  const MergeResult result = merge_siblings({old_v}, {new_v}, Versioning::lww);
  EXPECT_EQ(result.merged, Siblings{new_v});
  EXPECT_FALSE(result.lww_overwrite);
}

TEST(StoreTest, TombstonesAreVersionsLikeAnyOther) {
  const Version put = stored_version(1, 1);
  const Version del = stored_version(2, 1, VClock({{1, 1}}), 0, /*tombstone=*/true);
  const MergeResult result = merge_siblings({put}, {del}, Versioning::vclock);
  EXPECT_EQ(result.merged, Siblings{del});
  EXPECT_TRUE(all_tombstones(result.merged));
}

TEST(StoreTest, VersionStoreMergesAndRemovesExactly) {
  VersionStore store;
  EXPECT_TRUE(store.get(5).empty());
  store.merge(5, {stored_version(1, 1)}, Versioning::vclock);
  store.merge(5, {stored_version(2, 1)}, Versioning::vclock);
  EXPECT_EQ(store.get(5).size(), 2u);
  EXPECT_FALSE(store.remove_version(5, Dot{9, 9}));
  EXPECT_FALSE(store.remove_version(6, Dot{1, 1}));
  EXPECT_TRUE(store.remove_version(5, Dot{1, 1}));
  EXPECT_TRUE(store.remove_version(5, Dot{2, 1}));
  EXPECT_TRUE(store.empty());
}

TEST(StoreDeathTest, TwoVersionsWithOneDotAreABug) {
  Version a = stored_version(1, 1), b = stored_version(1, 1);
  b.value = {42};
  EXPECT_DEATH(merge_siblings({a}, {b}, Versioning::vclock), "share a dot");
}

// A causal history: version i is written by actor (i % 3) and has seen a
// random subset of the earlier versions, closed downwards: a context is a
// vector clock, so claiming (actor, c) claims every (actor, c' <= c) too, and
// a writer that holds such a context must really have seen those versions.
// (A history that breaks this makes supersession non-transitive; see
// "Known limitations" in docs/protocol.md.)
Siblings causal_history(const std::vector<std::vector<bool>>& seen) {
  Siblings history;
  uint64_t counters[3] = {0, 0, 0};
  for (size_t i = 0; i < seen.size(); ++i) {
    VClock context;
    for (size_t j = 0; j < i && j < seen[i].size(); ++j) {
      if (seen[i][j]) context.merge(history[j].clock());
    }
    for (bool grew = true; grew;) {  // close downwards until nothing new is covered
      const VClock before = context;
      for (const Version& earlier : history) {
        if (clock_covers(context, earlier.dot)) context.merge(earlier.clock());
      }
      grew = !(context == before);
    }
    const auto actor = static_cast<ActorId>(i % 3);
    // A writer's new dot follows everything it has seen of its own actor.
    counters[actor] = std::max(counters[actor], context.get(actor)) + 1;
    history.push_back(stored_version(actor, counters[actor], context));
  }
  return history;
}

RC_GTEST_PROP(StorePropertyTest, MergeOrderDoesNotChangeTheResult,
              (const std::vector<std::vector<bool>>& seen)) {
  RC_PRE(seen.size() <= 12);
  const Siblings history = causal_history(seen);
  const Siblings all_at_once = merge_siblings({}, history, Versioning::vclock).merged;
  // A random permutation: sort the indices by random keys.
  const auto keys =
      *rc::gen::container<std::vector<uint32_t>>(history.size(), rc::gen::arbitrary<uint32_t>());
  std::vector<size_t> order(history.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return keys[x] < keys[y]; });
  Siblings one_by_one;
  for (size_t i : order) {
    one_by_one = merge_siblings(one_by_one, {history[i]}, Versioning::vclock).merged;
  }
  RC_ASSERT(one_by_one == all_at_once);
  for (size_t a = 0; a < all_at_once.size(); ++a) {
    for (size_t b = a + 1; b < all_at_once.size(); ++b) {
      RC_ASSERT(compare(all_at_once[a], all_at_once[b]) == Order::concurrent);
    }
  }
  // Every version of the history is either kept or superseded by a kept one.
  for (const Version& v : history) {
    RC_ASSERT(std::any_of(all_at_once.begin(), all_at_once.end(),
                          [&](const Version& w) { return w.dot == v.dot || supersedes(w, v); }));
  }
}

}  // namespace
}  // namespace dt
