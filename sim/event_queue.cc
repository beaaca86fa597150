#include "sim/event_queue.h"

#include <algorithm>
#include <utility>

#include "core/assert.h"

namespace dt {

// std heap algorithms build a max-heap; "later" is the greater element.
bool EventQueue::later(const Entry& a, const Entry& b) {
  if (a.time_ns != b.time_ns) return a.time_ns > b.time_ns;
  return a.sequence > b.sequence;
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
  heap_.push_back(Entry{time_ns, sequence, payload});
  std::push_heap(heap_.begin(), heap_.end(), later);
  return sequence;
}

TimeNs EventQueue::next_time_ns() const {
  DT_ASSERT(!heap_.empty(), "next_time_ns on an empty queue");
  return heap_.front().time_ns;
}

QueuedEvent EventQueue::pop() {
  DT_ASSERT(!heap_.empty(), "pop on an empty queue");
  std::pop_heap(heap_.begin(), heap_.end(), later);
  const Entry entry = heap_.back();
  heap_.pop_back();
  DT_ASSERT(heap_.empty() || !later(entry, heap_.front()), "heap order broken");
  free_payloads_.push_back(entry.payload);
  return QueuedEvent{entry.time_ns, entry.sequence, std::move(payloads_[entry.payload])};
}

}  // namespace dt
