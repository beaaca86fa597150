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

EventQueue::Entry EventQueue::make_entry(TimeNs time_ns, uint32_t payload) {
  DT_ASSERT(time_ns != kNever, "event scheduled at kNever");
  DT_ASSERT(next_sequence_ != UINT64_MAX, "event sequence overflow");
  DT_ASSERT(payload < slot_count_, "entry for an unknown payload slot");
  ++size_;
  return Entry{time_ns, next_sequence_++, payload};
}

const EventQueue::Entry& EventQueue::head(int source) const {
  return source == kHeap ? heap_.front() : lane_heads_[static_cast<size_t>(source)];
}

void EventQueue::rescan_lanes() {
  earliest_lane_ = kHeap;
  const Entry* best = &kNoHead;
  for (size_t i = 0; i < lane_heads_.size(); ++i) {
    if (later(*best, lane_heads_[i])) {
      earliest_lane_ = static_cast<int>(i);
      best = &lane_heads_[i];
    }
  }
}

uint64_t EventQueue::push_heap(Entry entry) {
  heap_.emplace_back();
  sift_up(heap_.size() - 1, entry);
  return entry.sequence;
}

// The lane of `delay_ns` if an event at `time_ns` keeps it sorted (a new one
// while there is room), else nullptr (the event goes to the heap).
EventQueue::Lane* EventQueue::lane_for(TimeNs delay_ns, TimeNs time_ns) {
  for (Lane& lane : lanes_) {
    if (lane.delay_ns != delay_ns) continue;
    if (!lane.entries.empty() && lane.entries.back().entry.time_ns > time_ns) return nullptr;
    return &lane;
  }
  if (lanes_.size() == kMaxLanes) return nullptr;
  lanes_.push_back(Lane{delay_ns, {}});
  lane_heads_.push_back(kNoHead);
  return &lanes_.back();
}

uint64_t EventQueue::place_in_lane(Lane& lane, TimeNs time_ns, InlineEvent&& event) {
  const Entry entry = make_entry(time_ns, kScratch);  // the event itself waits in the lane
  DT_ASSERT(lane.entries.empty() || later(entry, lane.entries.back().entry), "lane out of order");
  lane.entries.push_back(LaneEntry{entry, std::move(event)});
  const auto index = static_cast<size_t>(&lane - lanes_.data());
  if (lane.entries.size() == 1) {
    // The lane's new head; a head behind others changes nothing.
    lane_heads_[index] = entry;
    if (earliest_lane_ == kHeap || later(head(earliest_lane_), entry)) {
      earliest_lane_ = static_cast<int>(index);
    }
  }
  return entry.sequence;
}

int EventQueue::earliest() const {
  DT_ASSERT(size_ > 0, "earliest of an empty queue");
  if (earliest_lane_ == kHeap) {
    DT_ASSERT(!heap_.empty(), "queue size says non-empty, nothing found");
    return kHeap;
  }
  return !heap_.empty() && later(head(earliest_lane_), heap_.front()) ? kHeap : earliest_lane_;
}

TimeNs EventQueue::next_time_ns() const {
  DT_ASSERT(size_ > 0, "next_time_ns on an empty queue");
  return head(earliest()).time_ns;
}

void EventQueue::prefetch_next() const {
  const int source = earliest();
  if (source == kHeap) __builtin_prefetch(&slot_ref(heap_.front().payload));
}

EventQueue::Taken EventQueue::take() {
  DT_ASSERT(size_ > 0, "pop on an empty queue");
  const int source = earliest();
  --size_;
  if (source == kHeap) {
    const Entry entry = heap_.front();
    sift_down_last();
    DT_ASSERT(entry.payload != kScratch && entry.payload < slot_count_,
              "heap entry without a payload");
    return Taken{entry.time_ns, entry.sequence, entry.payload};
  }
  RingQueue<LaneEntry>& entries = lanes_[static_cast<size_t>(source)].entries;
  DT_ASSERT(!scratch_taken_, "a timer taken before the last one was released");
  std::visit([&](auto& event) { slot_ref(kScratch) = std::move(event); }, entries.front().event);
  const Entry entry = entries.front().entry;
  entries.pop_front();
  lane_heads_[static_cast<size_t>(source)] = entries.empty() ? kNoHead : entries.front().entry;
  rescan_lanes();  // this lane's head moved back
  scratch_taken_ = true;
  return Taken{entry.time_ns, entry.sequence, kScratch};
}

void EventQueue::release(uint32_t slot) {
  DT_ASSERT(slot < slot_count_, "release of an unknown slot");
  if (slot == kScratch) {
    DT_ASSERT(scratch_taken_, "scratch slot released twice");
    scratch_taken_ = false;
    return;
  }
  free_payloads_.push_back(slot);
}

QueuedEvent EventQueue::pop() {
  const Taken taken = take();
  QueuedEvent out{taken.time_ns, taken.sequence, std::move(slot_ref(taken.slot))};
  release(taken.slot);
  return out;
}

}  // namespace dt
