#include "checks/write_facts.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(WriteFacts, LearnsDotsFromTheTraceAndContextsFromTheInvoke) {
  test::HistoryBuilder h;
  h.put(0, 1, 10, 1, 2);
  h.put(1, 1, 11, 3, 4, OpType::ok, 0, test::clock_of({{0, 1}}));
  h.put(2, 1, 12, 5, 6);
  const History history = h.build();
  test::TraceBuilder t;
  t.stored(1, 0, 1, test::version(10, 0, 1)).stored(3, 0, 1, test::version(11, 0, 2));
  const ReplicaTrace trace = t.build();
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  ASSERT_NE(facts.find(10), nullptr);
  EXPECT_EQ(facts.find(10)->dot, (Dot{0, 1}));
  EXPECT_FALSE(facts.find(12)->dot.has_value());  // never stored anywhere
  EXPECT_EQ(facts.find(99), nullptr);
  EXPECT_TRUE(facts.covers(11, 10));
  EXPECT_FALSE(facts.covers(10, 11));
  EXPECT_TRUE(facts.covers(12, 12));
  EXPECT_FALSE(facts.covers(12, 10));
  EXPECT_EQ(facts.write_of_dot(Dot{0, 2}), std::optional<WriteId>(11));
  EXPECT_EQ(facts.write_of_dot(Dot{0, 3}), std::nullopt);
}

TEST(WriteFacts, PrefersTheContextOfAStoredVersion) {
  test::HistoryBuilder h;
  h.put(0, 1, 10, 1, 2);
  h.get(1, 1, 3, 4, {test::version(10, 0, 1, test::clock_of({{2, 5}}))});
  const History history = h.build();
  const ReplicaTrace trace;
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  EXPECT_TRUE(facts.find(10)->context_from_version);
  EXPECT_EQ(*facts.find(10)->context, test::clock_of({{2, 5}}));
  EXPECT_EQ(facts.find(10)->dot, (Dot{0, 1}));
}

TEST(WriteFacts, AnAddOrDeleteSupersedesWhatItsReadReturned) {
  // An add reads first and writes with the read's context, whatever context the
  // client sent; a put writes with the context it was sent.
  test::HistoryBuilder h;
  h.put(0, 1, 10, 1, 2);
  const uint64_t add = h.write(OpFn::add, 1, 1, 11, 3, 4);
  const uint64_t del = h.write(OpFn::del, 2, 1, 12, 5, 6);
  const uint64_t put = h.put(3, 1, 13, 7, 8);
  History history = h.build();
  const Siblings read{test::version(10, 0, 1)};
  for (HistoryOp& op : history) {
    const bool reader = op.op_id == add || op.op_id == del || op.op_id == put;
    if (reader && op.type == OpType::ok) op.read = read;
  }
  const ReplicaTrace trace;
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  EXPECT_TRUE(facts.covers(11, 10));
  EXPECT_TRUE(facts.covers(12, 10));
  EXPECT_FALSE(facts.covers(13, 10));
  EXPECT_EQ(*facts.find(11)->context, test::clock_of({{0, 1}}));
  EXPECT_FALSE(facts.find(11)->context_from_version);
}

TEST(WriteFacts, KeepsTheContextOfTheFirstVersionSeen) {
  // Reads in history order, then final states: a later copy carrying another
  // context (a corrupted one) does not replace the first.
  test::HistoryBuilder h;
  h.put(0, 1, 10, 1, 2);
  h.get(1, 1, 3, 4, {test::version(10, 0, 1, test::clock_of({{2, 5}}))});
  h.get(1, 1, 5, 6, {test::version(10, 0, 1, test::clock_of({{3, 7}}))});
  const History history = h.build();
  ReplicaTrace trace;
  trace.final_states.resize(1);
  trace.final_states[0].store[1] = {test::version(10, 0, 1, test::clock_of({{4, 9}}))};
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  EXPECT_TRUE(facts.find(10)->context_from_version);
  EXPECT_EQ(*facts.find(10)->context, test::clock_of({{2, 5}}));
}

}  // namespace
}  // namespace dt
