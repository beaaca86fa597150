// The virtual-time event queue: events come out ordered by (time_ns,
// insertion sequence), so events due at the same instant keep the order in
// which they were scheduled. That tie-break is what makes runs repeatable.
//
// Most events of a run are timers with one of a few fixed delays (replica
// timeout, request deadline, client timeout, probe rounds). Pushed with
// `push_after` from a clock that never goes back, events of one delay arrive
// already sorted, so they wait in a FIFO lane per delay instead of the heap;
// the heap keeps only the rest (mostly messages with random delays) and stays
// small. Any mix of lanes and heap pops the same (time_ns, sequence) order.
// A timer waits inside its lane entry (one cache line, read in order) rather
// than in a payload slot: on a large cluster the slots of in-flight events
// are cold, and a third of the events are timers.
#pragma once

#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/assert.h"
#include "core/types.h"
#include "sim/ring_queue.h"
#include "sim/sim_event.h"

namespace dt {

struct QueuedEvent {
  TimeNs time_ns = 0;
  uint64_t sequence = 0;  // insertion order, unique per queue
  SimEvent event;
};

class EventQueue {
 public:
  EventQueue() { new_slot(); }  // the scratch slot
  // An event taken out of the queue whose payload stays in place until
  // `release` (the simulator handles it by reference, without a move).
  struct Taken {
    TimeNs time_ns = 0;
    uint64_t sequence = 0;
    uint32_t slot = 0;
  };

  // Schedules `event` (a SimEvent or one of its alternatives, built in its
  // slot) at `time_ns`; returns its sequence number.
  template <class Event>
  uint64_t push(TimeNs time_ns, Event&& event) {
    return push_heap(make_entry(time_ns, store(std::forward<Event>(event))));
  }
  // Events small enough to wait in a lane entry: what push_after takes.
  using InlineEvent = std::variant<TimerFire, ClientTimeout>;
  // Schedules `event` (a timer) at now_ns + delay_ns. Same order as push;
  // cheaper for delays that recur when now_ns never decreases between calls.
  template <class Event>
  uint64_t push_after(TimeNs now_ns, TimeNs delay_ns, Event&& event) {
    using Stored = std::decay_t<Event>;
    static_assert(std::is_same_v<Stored, TimerFire> || std::is_same_v<Stored, ClientTimeout>,
                  "push_after takes timers only (EventQueue::InlineEvent)");
    DT_ASSERT(delay_ns < kNever - now_ns, "event beyond the end of time");
    const TimeNs time_ns = now_ns + delay_ns;
    Lane* lane = lane_for(delay_ns, time_ns);
    if (lane == nullptr) return push(time_ns, std::forward<Event>(event));
    return place_in_lane(*lane, time_ns, InlineEvent(std::forward<Event>(event)));
  }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  // REQUIRES: !empty()
  TimeNs next_time_ns() const;
  // Removes and returns the earliest event. REQUIRES: !empty()
  QueuedEvent pop();
  // Removes the earliest event but leaves its payload in its slot; read it
  // with `payload` and hand the slot back with `release`. Payload references
  // stay valid across pushes. A timer taken from its lane is copied into one
  // scratch slot, so one taken event at a time. REQUIRES: !empty(), the
  // event taken before released
  Taken take();
  SimEvent& payload(uint32_t slot) {
    DT_ASSERT(slot < slot_count_, "payload of an unknown slot");
    return slot_ref(slot);
  }
  // Asks the cache for the earliest event's payload, so it arrives while the
  // event taken before it is handled (on a large cluster a payload is
  // usually cold: events land on any of many nodes). A hint only: events
  // pushed meanwhile may come first. REQUIRES: !empty()
  void prefetch_next() const;
  void release(uint32_t slot);
  // Every event pushed so far (also the next sequence number).
  uint64_t pushed() const { return next_sequence_; }

 private:
  // The heap and lanes order small entries; payloads stay put in their slots
  // so a sift never moves a message.
  struct Entry {
    TimeNs time_ns = 0;
    uint64_t sequence = 0;
    uint32_t payload = 0;  // payload slot
  };
  // A lane's entry holds its event; `entry.payload` is unused.
  struct LaneEntry {
    Entry entry;
    InlineEvent event;
  };
  // Events pushed with one delay, in push order (hence sorted).
  struct Lane {
    TimeNs delay_ns = 0;
    RingQueue<LaneEntry> entries;
  };
  // (time_ns, sequence) of `a` after that of `b`; sequences are unique, so
  // the order is total and any heap pops the same sequence of events.
  static bool later(const Entry& a, const Entry& b) {
    return a.time_ns != b.time_ns ? a.time_ns > b.time_ns : a.sequence > b.sequence;
  }
  // Lanes beyond this many delays would make every pop scan too many heads.
  static constexpr size_t kMaxLanes = 8;
  static constexpr int kHeap = -1;  // `earliest()` when the heap holds the first event
  // An empty lane's head: it sorts after every event (none is scheduled at kNever).
  static constexpr Entry kNoHead{kNever, UINT64_MAX, 0};

  // Puts `event` in a free payload slot (constructing the alternative in
  // place, so a message is moved once) and returns the slot.
  template <class Event>
  uint32_t store(Event&& event) {
    using Stored = std::decay_t<Event>;
    uint32_t slot = 0;
    if (free_payloads_.empty()) {
      slot = new_slot();
    } else {
      slot = free_payloads_.back();
      free_payloads_.pop_back();
    }
    if constexpr (std::is_same_v<Stored, SimEvent>) {
      slot_ref(slot) = std::forward<Event>(event);
    } else {
      slot_ref(slot).template emplace<Stored>(std::forward<Event>(event));
    }
    return slot;
  }
  // Payload slots live in fixed chunks: a slot never moves (payload
  // references survive pushes) and its chunk is a shift away.
  static constexpr uint32_t kChunkShift = 8;
  static constexpr uint32_t kChunkSlots = uint32_t{1} << kChunkShift;
  SimEvent& slot_ref(uint32_t slot) {
    return chunks_[slot >> kChunkShift][slot & (kChunkSlots - 1)];
  }
  const SimEvent& slot_ref(uint32_t slot) const {
    return chunks_[slot >> kChunkShift][slot & (kChunkSlots - 1)];
  }
  // A fresh slot at the end, holding a default event.
  uint32_t new_slot() {
    DT_ASSERT(slot_count_ < UINT32_MAX, "too many queued events");
    if (slot_count_ % kChunkSlots == 0)
      chunks_.push_back(std::make_unique<SimEvent[]>(kChunkSlots));
    return slot_count_++;
  }
  Entry make_entry(TimeNs time_ns, uint32_t payload);
  uint64_t push_heap(Entry entry);
  uint64_t place_in_lane(Lane& lane, TimeNs time_ns, InlineEvent&& event);
  Lane* lane_for(TimeNs delay_ns, TimeNs time_ns);
  // Where the earliest event waits: kHeap or a lane index; one comparison
  // of the heap's head with the earliest lane head. REQUIRES: !empty()
  int earliest() const;
  // The first entry of a source. REQUIRES: that source is not empty.
  const Entry& head(int source) const;
  // Finds the lane with the earliest head again (after a lane's head moved
  // back); kHeap when every lane is empty.
  void rescan_lanes();
  // Hole-based sifts (one move per level instead of a swap).
  void sift_up(size_t hole, Entry entry);
  void sift_down_last();

  std::vector<Entry> heap_;  // binary min-heap on (time_ns, sequence)
  std::vector<Lane> lanes_;
  // lane_heads_[i]: the first entry of lanes_[i], or kNoHead when it is
  // empty. Side by side, so the rescan is one short loop with no branch on
  // emptiness and no ring to walk into.
  std::vector<Entry> lane_heads_;
  // The lane whose head is earliest, or kHeap when every lane is empty.
  // Kept true by every push and take, so a peek never scans.
  int earliest_lane_ = kHeap;
  std::vector<std::unique_ptr<SimEvent[]>> chunks_;  // kChunkSlots slots each
  uint32_t slot_count_ = 0;                          // slots handed out so far
  std::vector<uint32_t> free_payloads_;
  // Slot kScratch holds the timer last taken from a lane; never free.
  static constexpr uint32_t kScratch = 0;
  bool scratch_taken_ = false;
  size_t size_ = 0;
  uint64_t next_sequence_ = 0;
};

}  // namespace dt
