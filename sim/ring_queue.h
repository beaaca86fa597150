// A FIFO in one growable power-of-two ring: push at the back, pop at the
// front, no allocation once it has reached its largest size. The event
// queue's lanes use it; std::deque allocated and freed a block every few
// entries, and every timer of a run passes through a lane.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "core/assert.h"

namespace dt {

template <class T>
class RingQueue {
 public:
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }
  // REQUIRES: !empty()
  T& front() {
    DT_ASSERT(count_ > 0, "front of an empty ring");
    return slots_[head_];
  }
  const T& back() const {
    DT_ASSERT(count_ > 0, "back of an empty ring");
    return slots_[(head_ + count_ - 1) & (slots_.size() - 1)];
  }
  void push_back(T value) {
    if (count_ == slots_.size()) grow();
    slots_[(head_ + count_) & (slots_.size() - 1)] = std::move(value);
    ++count_;
  }
  // REQUIRES: !empty()
  void pop_front() {
    DT_ASSERT(count_ > 0, "pop from an empty ring");
    head_ = (head_ + 1) & (slots_.size() - 1);
    --count_;
  }

 private:
  // Doubles the ring, moving the entries to the front in FIFO order.
  void grow() {
    std::vector<T> bigger(slots_.empty() ? 16 : 2 * slots_.size());
    for (size_t i = 0; i < count_; ++i) {
      bigger[i] = std::move(slots_[(head_ + i) & (slots_.size() - 1)]);
    }
    slots_ = std::move(bigger);
    head_ = 0;
  }

  std::vector<T> slots_;  // size 0 or a power of two
  size_t head_ = 0;       // index of the front entry
  size_t count_ = 0;
};

}  // namespace dt
