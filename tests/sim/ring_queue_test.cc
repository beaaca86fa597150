#include "sim/ring_queue.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <deque>
#include <vector>

namespace dt {
namespace {

// Random pushes and pops, with the ring wrapping around and growing while
// it is wrapped: it holds what std::deque holds, in the same order.
RC_GTEST_PROP(RingQueue, KeepsFifoOrderThroughWrapsAndGrowth, (std::vector<uint8_t> steps)) {
  RingQueue<uint64_t> ring;
  std::deque<uint64_t> reference;
  uint64_t next = 0;
  for (const uint8_t step : steps) {
    if (step % 3 == 0 && !reference.empty()) {
      RC_ASSERT(ring.front() == reference.front());
      ring.pop_front();
      reference.pop_front();
    } else {
      for (uint8_t i = 0; i <= step % 7; ++i) {  // bursts, so the ring grows
        ring.push_back(next);
        reference.push_back(next++);
      }
    }
    RC_ASSERT(ring.size() == reference.size());
    if (!reference.empty()) RC_ASSERT(ring.back() == reference.back());
  }
  while (!reference.empty()) {
    RC_ASSERT(ring.front() == reference.front());
    ring.pop_front();
    reference.pop_front();
  }
  RC_ASSERT(ring.empty());
}

TEST(RingQueue, GrowsWhileWrapped) {
  RingQueue<int> ring;
  for (int i = 0; i < 16; ++i) ring.push_back(i);  // full at its first size
  for (int i = 0; i < 10; ++i) ring.pop_front();   // front at index 10
  for (int i = 16; i < 40; ++i) ring.push_back(i);  // wraps, then grows
  for (int i = 10; i < 40; ++i) {
    ASSERT_EQ(ring.front(), i);
    ring.pop_front();
  }
  EXPECT_TRUE(ring.empty());
}

}  // namespace
}  // namespace dt
