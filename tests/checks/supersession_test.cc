#include "checks/supersession.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(Supersession, FollowsChainsOfSupersedingVersionsOnOneKey) {
  test::HistoryBuilder h;
  h.put(0, 1, 1, 1, 2);                                           // w1 @0:1
  h.put(0, 1, 2, 3, 4, OpType::ok, 1, test::clock_of({{0, 1}}));  // w2 @1:4 supersedes w1
  h.put(0, 1, 3, 5, 6, OpType::ok, 2, test::clock_of({{1, 8}}));  // w3 @2:1 supersedes w2
  h.put(0, 1, 4, 7, 8);                                           // w4 @3:1 concurrent
  h.put(0, 2, 5, 9, 10, OpType::ok, 2, test::clock_of({{0, 1}}));  // w5: other key
  const History history = h.build();
  test::TraceBuilder t;
  t.stored(1, 0, 1, test::version(1, 0, 1)).stored(3, 1, 1, test::version(2, 1, 4));
  t.stored(5, 2, 1, test::version(3, 2, 1)).stored(7, 3, 1, test::version(4, 3, 1));
  t.stored(9, 2, 2, test::version(5, 2, 2));
  const ReplicaTrace trace = t.build();
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  const Supersession supersession(index.value(), facts);
  EXPECT_EQ(supersession.descendants(1), (std::unordered_set<WriteId>{1, 2, 3}));
  EXPECT_EQ(supersession.descendants(3), (std::unordered_set<WriteId>{3}));
  EXPECT_EQ(supersession.descendants(4), (std::unordered_set<WriteId>{4}));
  EXPECT_EQ(supersession.descendants(99), (std::unordered_set<WriteId>{99}));
}

}  // namespace
}  // namespace dt
