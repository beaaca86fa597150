// A schedule: everything one run needs besides the code. seed + config +
// workload + timed events (faults and scripted client ops) + injected bugs.
// It is what `run --save-schedule` writes, `replay` reads and `minimize`
// shrinks; histories/schedule_json.h reads and writes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

// The generated client load (drawn from the seed's client stream at run time).
struct Workload {
  uint32_t clients = 3;          // concurrent processes
  uint32_t keys = 4;             // keys 0..keys-1
  uint32_t ops = 60;             // generated ops over all clients (0 = scripted only)
  // Relative weights of the generated op kinds.
  uint32_t put_weight = 50;
  uint32_t get_weight = 40;
  uint32_t delete_weight = 5;
  uint32_t add_weight = 5;
  TimeNs think_min_ns = 1 * kMillisecondNs;
  TimeNs think_max_ns = 20 * kMillisecondNs;
  // The client gives up waiting (and records info/fail) after this.
  TimeNs client_timeout_ns = 500 * kMillisecondNs;
  // Length of the safety phase; the final heal starts here.
  TimeNs duration_ns = 3 * kSecondNs;
  bool final_reads = true;       // read every key after quiescence

  friend bool operator==(const Workload&, const Workload&) = default;
};

enum class EventKind {
  crash, restart, wipe, pause, resume,   // node
  partition, heal,                        // groups / none
  link,                                   // from, to, drop, duplicate, delay range
  clock_skew,                             // node, skew_ns
  put, get, del, add,                     // scripted client ops
};
const char* to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);
inline bool is_client_op(EventKind kind) {
  return kind == EventKind::put || kind == EventKind::get || kind == EventKind::del ||
         kind == EventKind::add;
}

struct ScheduleEvent {
  TimeNs at_ns = 0;
  EventKind kind = EventKind::crash;
  NodeId node = kNoNode;                      // crash..resume, clock_skew
  std::vector<std::vector<NodeId>> groups;    // partition
  // link: one direction from -> to. Applies until changed or a heal.
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  uint32_t drop_ppm = 0;
  uint32_t duplicate_ppm = 0;
  TimeNs delay_min_ns = 0;
  TimeNs delay_max_ns = 0;
  int64_t skew_ns = 0;                        // clock_skew
  // Scripted client op: issued by `process` (queued behind its open op).
  ProcessId process = 0;
  Key key = 0;
  std::optional<ElementValue> value;          // put value / add element
  NodeId coordinator = kNoNode;               // kNoNode = the client picks

  friend bool operator==(const ScheduleEvent&, const ScheduleEvent&) = default;
};

struct Schedule {
  uint64_t seed = 1;
  Config config;
  Workload workload;
  std::vector<ScheduleEvent> events;  // sorted by at_ns (stable)
  std::vector<std::string> inject;    // bug-zoo names, sorted, unique

  friend bool operator==(const Schedule&, const Schedule&) = default;
};

}  // namespace dt
