#include "impl/hint_index.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

Version version(ActorId actor, uint64_t counter, VClock context = {}) {
  Version v;
  v.dot = Dot{actor, counter};
  v.context = std::move(context);
  v.value = {static_cast<ElementValue>(counter)};
  v.write_id = counter;
  return v;
}

TEST(HintIndexTest, IndexesByIntendedNodeInAscendingOrder) {
  HintIndex hints(8);
  SiblingMerge merge;
  EXPECT_TRUE(hints.empty());
  hints.add(5, 10, version(1, 1), Versioning::vclock, merge);
  EXPECT_EQ(merge.newly_stored.size(), 1u);
  hints.add(2, 30, version(1, 2), Versioning::vclock, merge);
  hints.add(2, 20, version(1, 3), Versioning::vclock, merge);
  EXPECT_EQ(hints.intended_nodes(), (std::vector<NodeId>{2, 5}));
  EXPECT_TRUE(hints.intended_set().test(2) && hints.intended_set().test(5));
  EXPECT_FALSE(hints.intended_set().test(3));
  const std::vector<HintedEntry> for_two = hints.entries_for(2);
  ASSERT_EQ(for_two.size(), 2u);
  EXPECT_EQ(for_two[0].key, 20u);  // keys ascending
  EXPECT_EQ(for_two[1].key, 30u);
  EXPECT_EQ(hints.entry_count(5), 1u);
  EXPECT_TRUE(hints.entries_for(3).empty());
}

TEST(HintIndexTest, MergesLikeAStoreAndRemovesExactlyOneDot) {
  HintIndex hints(4);
  SiblingMerge merge;
  hints.add(1, 7, version(2, 1), Versioning::vclock, merge);
  hints.add(1, 7, version(3, 1), Versioning::vclock, merge);  // concurrent: siblings
  EXPECT_TRUE(merge.sibling_created);
  EXPECT_EQ(hints.entry_count(1), 2u);
  hints.add(1, 7, version(3, 1), Versioning::vclock, merge);  // duplicate: nothing new
  EXPECT_TRUE(merge.newly_stored.empty());
  EXPECT_FALSE(merge.changed);
  EXPECT_FALSE(hints.remove(1, 7, Dot{9, 9}));
  EXPECT_FALSE(hints.remove(0, 7, Dot{2, 1}));
  EXPECT_TRUE(hints.remove(1, 7, Dot{2, 1}));
  EXPECT_FALSE(hints.contains(1, 7, Dot{2, 1}));
  EXPECT_TRUE(hints.contains(1, 7, Dot{3, 1}));
  EXPECT_TRUE(hints.remove(1, 7, Dot{3, 1}));
  EXPECT_TRUE(hints.empty());
  EXPECT_TRUE(hints.intended_nodes().empty());
  EXPECT_TRUE(hints.snapshot().empty());
}

TEST(HintIndexTest, SupersedingHintReplacesTheOldOne) {
  HintIndex hints(4);
  SiblingMerge merge;
  hints.add(3, 1, version(0, 1), Versioning::vclock, merge);
  hints.add(3, 1, version(0, 2, VClock({{0, 1}})), Versioning::vclock, merge);
  const auto snapshot = hints.snapshot();
  ASSERT_EQ(snapshot.at(3).at(1).size(), 1u);
  EXPECT_EQ(snapshot.at(3).at(1)[0].dot, (Dot{0, 2}));
  hints.clear();
  EXPECT_TRUE(hints.empty());
}

}  // namespace
}  // namespace dt
