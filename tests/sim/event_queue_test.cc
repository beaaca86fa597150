#include "sim/event_queue.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

namespace dt {
namespace {

uint64_t timeout_op(const QueuedEvent& e) { return std::get<ClientTimeout>(e.event).op_id; }

TEST(EventQueue, PopsInTimeOrder) {
  EventQueue queue;
  queue.push(30, ClientTimeout{3});
  queue.push(10, ClientTimeout{1});
  queue.push(20, ClientTimeout{2});
  EXPECT_EQ(queue.size(), 3u);
  EXPECT_EQ(queue.next_time_ns(), 10u);
  EXPECT_EQ(timeout_op(queue.pop()), 1u);
  EXPECT_EQ(timeout_op(queue.pop()), 2u);
  EXPECT_EQ(timeout_op(queue.pop()), 3u);
  EXPECT_TRUE(queue.empty());
}

TEST(EventQueue, EqualTimesKeepInsertionOrder) {
  EventQueue queue;
  for (uint64_t i = 0; i < 100; ++i) queue.push(i % 2 == 0 ? 5 : 7, ClientTimeout{i});
  std::vector<uint64_t> order;
  while (!queue.empty()) order.push_back(timeout_op(queue.pop()));
  for (size_t i = 0; i < 50; ++i) EXPECT_EQ(order[i], 2 * i);          // time 5, in order
  for (size_t i = 0; i < 50; ++i) EXPECT_EQ(order[50 + i], 2 * i + 1);  // time 7, in order
}

TEST(EventQueue, SequenceNumbersCountPushes) {
  EventQueue queue;
  EXPECT_EQ(queue.push(9, FinalHeal{}), 0u);
  EXPECT_EQ(queue.push(1, FinalHeal{}), 1u);
  EXPECT_EQ(queue.pushed(), 2u);
  const QueuedEvent first = queue.pop();
  EXPECT_EQ(first.time_ns, 1u);
  EXPECT_EQ(first.sequence, 1u);
}

RC_GTEST_PROP(EventQueue, OutputIsSortedByTimeThenSequence, (std::vector<uint8_t> times)) {
  EventQueue queue;
  for (size_t i = 0; i < times.size(); ++i) queue.push(times[i], ClientTimeout{i});
  std::vector<std::tuple<TimeNs, uint64_t>> popped;
  while (!queue.empty()) {
    const QueuedEvent e = queue.pop();
    RC_ASSERT(e.sequence == timeout_op(e));
    popped.emplace_back(e.time_ns, e.sequence);
  }
  RC_ASSERT(popped.size() == times.size());
  RC_ASSERT(std::is_sorted(popped.begin(), popped.end()));
}

TEST(EventQueueDeathTest, PopOnEmptyIsAnInternalError) {
  EventQueue queue;
  EXPECT_DEATH(queue.pop(), "pop on an empty queue");
}

}  // namespace
}  // namespace dt
