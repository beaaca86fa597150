#include "checks/history_index.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(HistoryIndex, PairsInvokesWithCompletionsPerProcess) {
  test::HistoryBuilder builder;
  const uint64_t put = builder.put(0, 1, 11, 10, 30);
  const uint64_t get = builder.get(1, 1, 20, 25, {});
  builder.open_put(2, 1, 12, 40);
  const History history = builder.build();
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok()) << index.error();
  const HistoryIndex& idx = index.value();
  ASSERT_EQ(idx.ops().size(), 3u);
  EXPECT_EQ(idx.op(0).completion_index, 3u);
  EXPECT_EQ(idx.op(1).completion_index, 2u);
  EXPECT_FALSE(idx.op(2).completed());
  EXPECT_EQ(idx.op_of_write(11), std::optional<size_t>(0));
  EXPECT_EQ(idx.op_of_write(12), std::optional<size_t>(2));
  EXPECT_EQ(idx.op_of_write(13), std::nullopt);
  EXPECT_EQ(idx.op_of_op_id(get), std::optional<size_t>(1));
  EXPECT_EQ(idx.op_of_op_id(put), std::optional<size_t>(0));
  EXPECT_EQ(idx.op_number_of_index(3), 0u);
  EXPECT_EQ(idx.completion_of(idx.op(1)).type, OpType::ok);
}

History two_puts() {
  test::HistoryBuilder builder;
  builder.put(0, 1, 11, 10, 20);
  builder.put(0, 1, 12, 30, 40);
  return builder.build();
}

std::string error_of(const History& history) {
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  return index.is_ok() ? "" : index.error();
}

TEST(HistoryIndex, RejectsABrokenIndex) {
  History h = two_puts();
  h[2].index = 7;
  EXPECT_EQ(error_of(h), "history[2].index: expected 2, got 7");
}

TEST(HistoryIndex, RejectsTimeGoingBackwards) {
  History h = two_puts();
  h[2].time_ns = 5;
  EXPECT_EQ(error_of(h), "history[2].time: 5 ns is before the previous op's 20 ns");
}

TEST(HistoryIndex, RejectsASecondInvokeWhileOpen) {
  History h = two_puts();
  std::swap(h[1], h[2]);
  h[1].index = 1;
  h[2].index = 2;
  h[1].time_ns = h[2].time_ns = 20;
  EXPECT_EQ(error_of(h), "history[1]: invoke for process 0 while its previous op is open");
}

TEST(HistoryIndex, RejectsAReusedWriteId) {
  History h = two_puts();
  h[2].write_id = 11;
  EXPECT_EQ(error_of(h), "history[2].write_id: 11 is used twice");
}

TEST(HistoryIndex, RejectsAWriteWithoutWriteId) {
  History h = two_puts();
  h[0].write_id = 0;
  EXPECT_EQ(error_of(h), "history[0].write_id: a put needs a write id");
}

TEST(HistoryIndex, RejectsAMismatchedCompletion) {
  History h = two_puts();
  h[1].key = 2;
  EXPECT_EQ(error_of(h),
            "history[1]: completion (put key 2) does not match its invoke history[0] (put key 1)");
}

TEST(HistoryIndex, RejectsACompletionWithAnotherOpId) {
  History h = two_puts();
  h[1].op_id = 5;
  EXPECT_EQ(error_of(h), "history[1].op_id: 5 does not match its invoke history[0] (op_id 1)");
}

TEST(HistoryIndex, RejectsAReusedOpId) {
  History h = two_puts();
  h[2].op_id = h[0].op_id;
  EXPECT_EQ(error_of(h), "history[2].op_id: 1 is used twice");
}

}  // namespace
}  // namespace dt
