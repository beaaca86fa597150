#include "sim/event_queue.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>
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

// Random mixes of push and push_after (a few recurring delays, a clock that
// only moves forward as events are popped) and peeks: every pop is the
// earliest (time, sequence) then queued. The FIFO lanes change where events
// wait, never the order they leave in; the queue keeps which lane head is
// earliest across pushes and takes, and every peek must agree with it.
RC_GTEST_PROP(EventQueue, LanesAndHeapPopInTimeThenSequenceOrder,
              (std::vector<std::pair<uint8_t, uint8_t>> steps)) {
  EventQueue queue;
  std::set<std::tuple<TimeNs, uint64_t>> queued;  // the reference
  TimeNs now_ns = 0;
  auto pop_earliest = [&] {
    const TimeNs next_ns = queue.next_time_ns();
    const QueuedEvent e = queue.pop();
    RC_ASSERT(e.time_ns == next_ns);
    RC_ASSERT(timeout_op(e) == e.sequence);
    RC_ASSERT(std::make_tuple(e.time_ns, e.sequence) == *queued.begin());
    queued.erase(queued.begin());
    now_ns = e.time_ns;
  };
  for (const auto& [kind, value] : steps) {
    if (kind % 5 == 3 && !queue.empty()) {
      pop_earliest();
      continue;
    }
    if (kind % 5 == 4) {
      if (!queue.empty()) RC_ASSERT(queue.next_time_ns() == std::get<0>(*queued.begin()));
      continue;
    }
    const TimeNs delay_ns = kind % 5 == 0 ? value : TimeNs{10} * (1 + value % 12);
    const uint64_t op = queue.pushed();
    const uint64_t sequence = kind % 5 == 0 ? queue.push(now_ns + delay_ns, ClientTimeout{op})
                                            : queue.push_after(now_ns, delay_ns, ClientTimeout{op});
    RC_ASSERT(sequence == op);
    queued.emplace(now_ns + delay_ns, sequence);
  }
  while (!queue.empty()) pop_earliest();
  RC_ASSERT(queued.empty());
}

TEST(EventQueue, PushAfterKeepsTiesInInsertionOrderAcrossLanes) {
  EventQueue queue;
  queue.push_after(0, 10, ClientTimeout{0});  // lane for 10
  queue.push(10, ClientTimeout{1});           // heap
  queue.push_after(5, 5, ClientTimeout{2});   // lane for 5
  queue.push_after(0, 10, ClientTimeout{3});  // lane for 10 again
  std::vector<uint64_t> order;
  while (!queue.empty()) order.push_back(timeout_op(queue.pop()));
  EXPECT_EQ(order, (std::vector<uint64_t>{0, 1, 2, 3}));
}

TEST(EventQueue, ManyDistinctDelaysFallBackToTheHeap) {
  EventQueue queue;
  for (uint64_t i = 0; i < 40; ++i) queue.push_after(0, 40 - i, ClientTimeout{i});
  EXPECT_EQ(queue.size(), 40u);
  for (uint64_t i = 0; i < 40; ++i) EXPECT_EQ(timeout_op(queue.pop()), 39 - i);
}

TEST(EventQueue, TakenPayloadStaysValidWhileMoreEventsArePushed) {
  EventQueue queue;
  queue.push(1, ClientTimeout{7});
  const EventQueue::Taken taken = queue.take();
  const SimEvent& event = queue.payload(taken.slot);
  for (uint64_t i = 0; i < 1000; ++i) queue.push(2 + i, ClientTimeout{100 + i});
  EXPECT_EQ(std::get<ClientTimeout>(event).op_id, 7u);
  EXPECT_EQ(taken.time_ns, 1u);
  queue.release(taken.slot);
  queue.push(5000, ClientTimeout{9});  // reuses the released slot
  EXPECT_EQ(queue.size(), 1001u);
}

// A timer waits inside its lane entry and is handed out in the scratch slot:
// it stays valid while pushes (lane and heap) go on, until released.
TEST(EventQueue, TakenTimerStaysValidWhileMoreEventsArePushed) {
  EventQueue queue;
  queue.push_after(0, 10, TimerFire{3, 1, TimerKind::replica_timeout, 42});
  const EventQueue::Taken taken = queue.take();
  const SimEvent& event = queue.payload(taken.slot);
  for (uint64_t i = 0; i < 1000; ++i) {
    queue.push_after(10, 10, TimerFire{1, 0, TimerKind::probe, i});
    queue.push(20 + i, ClientTimeout{i});
  }
  const TimerFire& fire = std::get<TimerFire>(event);
  EXPECT_EQ(fire.node, 3u);
  EXPECT_EQ(fire.epoch, 1u);
  EXPECT_EQ(fire.kind, TimerKind::replica_timeout);
  EXPECT_EQ(fire.tag, 42u);
  EXPECT_EQ(taken.time_ns, 10u);
  queue.release(taken.slot);
  EXPECT_EQ(std::get<TimerFire>(queue.pop().event).tag, 0u);  // the first probe, due at 20
}

TEST(EventQueueDeathTest, ASecondTimerTakenBeforeTheFirstIsReleasedIsAnInternalError) {
  EventQueue queue;
  queue.push_after(0, 10, ClientTimeout{1});
  queue.push_after(0, 10, ClientTimeout{2});
  const EventQueue::Taken first = queue.take();
  EXPECT_DEATH(queue.take(), "a timer taken before the last one was released");
  queue.release(first.slot);
  EXPECT_DEATH(queue.release(first.slot), "scratch slot released twice");
}

TEST(EventQueueDeathTest, PopOnEmptyIsAnInternalError) {
  EventQueue queue;
  EXPECT_DEATH(queue.pop(), "pop on an empty queue");
}

}  // namespace
}  // namespace dt
