#include "checks/trace_facts.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(TraceFacts, IndexesRepliesStoresWipesAndKeys) {
  const Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  const Version v = test::version(7, 0, 1);
  test::TraceBuilder t;
  t.replied(1, 0, 42, 3).replied(2, 0, 42, 1).replied(3, 0, 42, 3).target(1, 0, 42, 4, true);
  t.hinted(4, 4, 2, 9, v).stored(5, 2, 9, v).stored(6, 2, 9, v).fault(7, TraceKind::wiped, 2);
  const ReplicaTrace trace = t.build();
  const TraceFacts facts(config, trace);
  EXPECT_EQ(facts.replied(42), (std::vector<NodeId>{1, 3}));
  EXPECT_TRUE(facts.replied(41).empty());
  EXPECT_EQ(facts.fallbacks(42), std::vector<NodeId>{4});
  EXPECT_EQ(facts.first_main_store_ns(7, 2), std::optional<TimeNs>(5));
  EXPECT_EQ(facts.first_main_store_at(7, 2), std::optional<uint32_t>(5));
  EXPECT_EQ(facts.first_main_store_ns(7, 4), std::nullopt);
  EXPECT_EQ(facts.first_hint_ns(7, 4), std::optional<TimeNs>(4));
  EXPECT_EQ(facts.first_hint_ns(7, 2), std::nullopt);  // stored there, never hinted
  // Node ids from 1024 up (garbage, or kNoNode) were never indexed.
  EXPECT_EQ(facts.first_hint_at(7, 1024), std::nullopt);
  EXPECT_EQ(facts.first_main_store_at(7, 1024), std::nullopt);
  EXPECT_EQ(facts.first_hint_at(7, kNoNode), std::nullopt);
  EXPECT_EQ(facts.wipe_between(2, 5, 7), std::optional<TimeNs>(7));
  EXPECT_EQ(facts.wipe_between(2, 8, 9), std::nullopt);
  EXPECT_EQ(facts.wipe_between(1, 0, 9), std::nullopt);
  EXPECT_EQ(facts.records_of_key(9), (std::vector<uint32_t>{4, 5, 6}));
  EXPECT_EQ(facts.node_fault_records(), std::vector<uint32_t>{7});
}

}  // namespace
}  // namespace dt
