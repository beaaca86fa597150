#include "sim/event_queue.h"

#include <algorithm>
#include <utility>

#include "core/assert.h"

namespace dt {

// Moves `entry` up from the empty slot `hole` to where its parent is not later.
void EventQueue::sift_up(size_t hole, Entry entry) {
  DT_ASSERT(hole < heap_.size(), "sift from outside the heap");
  while (hole > 0) {
    const size_t parent = (hole - 1) / 2;
    if (!later(heap_[parent], entry)) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = entry;
  DT_ASSERT(hole == 0 || !later(heap_[(hole - 1) / 2], entry), "heap order broken");
}

// Replaces the root by the last entry and sifts it down (the root was taken).
void EventQueue::sift_down_last() {
  DT_ASSERT(!heap_.empty(), "sift in an empty heap");
  const Entry entry = heap_.back();
  heap_.pop_back();
  const size_t size = heap_.size();
  if (size == 0) return;
  size_t hole = 0;
  for (;;) {
    size_t child = 2 * hole + 1;
    if (child >= size) break;
    if (child + 1 < size && later(heap_[child], heap_[child + 1])) ++child;
    if (!later(entry, heap_[child])) break;
    heap_[hole] = heap_[child];
    hole = child;
  }
  heap_[hole] = entry;
  DT_ASSERT(hole == 0 || !later(heap_[(hole - 1) / 2], entry), "heap order broken");
}

uint64_t EventQueue::push(TimeNs time_ns, SimEvent event) {
  DT_ASSERT(time_ns != kNever, "event scheduled at kNever");
  DT_ASSERT(next_sequence_ != UINT64_MAX, "event sequence overflow");
  uint32_t payload = 0;
  if (free_payloads_.empty()) {
    DT_ASSERT(payloads_.size() < UINT32_MAX, "too many queued events");
    payload = static_cast<uint32_t>(payloads_.size());
    payloads_.push_back(std::move(event));
  } else {
    payload = free_payloads_.back();
    free_payloads_.pop_back();
    payloads_[payload] = std::move(event);
  }
  const uint64_t sequence = next_sequence_++;
  heap_.emplace_back();
  sift_up(heap_.size() - 1, Entry{time_ns, sequence, payload});
  return sequence;
}

TimeNs EventQueue::next_time_ns() const {
  DT_ASSERT(!heap_.empty(), "next_time_ns on an empty queue");
  return heap_.front().time_ns;
}

QueuedEvent EventQueue::pop() {
  DT_ASSERT(!heap_.empty(), "pop on an empty queue");
  const Entry entry = heap_.front();
  sift_down_last();
  DT_ASSERT(heap_.empty() || !later(entry, heap_.front()), "heap order broken");
  free_payloads_.push_back(entry.payload);
  return QueuedEvent{entry.time_ns, entry.sequence, std::move(payloads_[entry.payload])};
}

}  // namespace dt
