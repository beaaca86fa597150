#include "model/hint_store.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

Version hint_version(ActorId actor, uint64_t counter) {
  Version v;
  v.dot = Dot{actor, counter};
  v.value = {static_cast<ElementValue>(counter)};
  return v;
}

TEST(HintStoreTest, KeepsHintsPerIntendedNodeInKeyOrder) {
  HintStore hints;
  hints.add(4, 9, hint_version(1, 1), Versioning::vclock);
  hints.add(2, 3, hint_version(1, 2), Versioning::vclock);
  hints.add(4, 1, hint_version(1, 3), Versioning::vclock);
  hints.add(4, 1, hint_version(0, 1), Versioning::vclock);
  EXPECT_EQ(hints.intended_nodes(), (std::vector<NodeId>{2, 4}));
  const std::vector<HintedEntry> for4 = hints.entries_for(4);
  ASSERT_EQ(for4.size(), 3u);
  EXPECT_EQ(for4[0].key, 1u);
  EXPECT_EQ(for4[0].version.dot, (Dot{0, 1}));
  EXPECT_EQ(for4[1].version.dot, (Dot{1, 3}));
  EXPECT_EQ(for4[2].key, 9u);
  EXPECT_TRUE(hints.entries_for(3).empty());
  // The abstract state's view: every intended node, every key, canonical siblings.
  const std::map<NodeId, std::map<Key, Siblings>> view = hints.snapshot();
  ASSERT_EQ(view.size(), 2u);
  ASSERT_EQ(view.at(2).size(), 1u);
  EXPECT_EQ(view.at(2).at(3), Siblings{hint_version(1, 2)});
  ASSERT_EQ(view.at(4).size(), 2u);
  EXPECT_EQ(view.at(4).at(1), (Siblings{hint_version(0, 1), hint_version(1, 3)}));
  EXPECT_EQ(view.at(4).at(9), Siblings{hint_version(1, 1)});
}

TEST(HintStoreTest, RemovesOnlyTheNamedVersion) {
  HintStore hints;
  hints.add(4, 1, hint_version(1, 1), Versioning::vclock);
  hints.add(4, 1, hint_version(2, 1), Versioning::vclock);
  EXPECT_FALSE(hints.remove(3, 1, Dot{1, 1}));
  EXPECT_TRUE(hints.remove(4, 1, Dot{1, 1}));
  EXPECT_FALSE(hints.contains(4, 1, Dot{1, 1}));
  EXPECT_TRUE(hints.contains(4, 1, Dot{2, 1}));
  EXPECT_TRUE(hints.remove(4, 1, Dot{2, 1}));
  EXPECT_TRUE(hints.empty());
  EXPECT_TRUE(hints.snapshot().empty());
}

}  // namespace
}  // namespace dt
