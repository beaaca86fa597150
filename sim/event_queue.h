// The virtual-time event queue: events come out ordered by (time_ns,
// insertion sequence), so events due at the same instant keep the order in
// which they were scheduled. That tie-break is what makes runs repeatable.
#pragma once

#include <cstdint>
#include <vector>

#include "core/types.h"
#include "sim/sim_event.h"

namespace dt {

struct QueuedEvent {
  TimeNs time_ns = 0;
  uint64_t sequence = 0;  // insertion order, unique per queue
  SimEvent event;
};

class EventQueue {
 public:
  // Schedules `event` at `time_ns`; returns its sequence number.
  uint64_t push(TimeNs time_ns, SimEvent event);
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  // REQUIRES: !empty()
  TimeNs next_time_ns() const;
  // Removes and returns the earliest event. REQUIRES: !empty()
  QueuedEvent pop();
  // Every event pushed so far (also the next sequence number).
  uint64_t pushed() const { return next_sequence_; }

 private:
  // The heap orders small entries; payloads stay put in `payloads_` so a
  // heap swap never moves a message.
  struct Entry {
    TimeNs time_ns = 0;
    uint64_t sequence = 0;
    uint32_t payload = 0;  // index into payloads_
  };
  // (time_ns, sequence) of `a` after that of `b`; sequences are unique, so
  // the order is total and any heap pops the same sequence of events.
  static bool later(const Entry& a, const Entry& b) {
    return a.time_ns != b.time_ns ? a.time_ns > b.time_ns : a.sequence > b.sequence;
  }
  // Hole-based sifts (one move per level instead of a swap).
  void sift_up(size_t hole, Entry entry);
  void sift_down_last();

  std::vector<Entry> heap_;  // binary min-heap on (time_ns, sequence)
  std::vector<SimEvent> payloads_;
  std::vector<uint32_t> free_payloads_;
  uint64_t next_sequence_ = 0;
};

}  // namespace dt
