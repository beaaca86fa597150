#include "explore/judged_orders.h"

#include "checks/trace_facts.h"
#include "core/assert.h"

namespace dt {

bool reads_judged_order(TraceKind kind) {
  return kind == TraceKind::hint_deleted || kind == TraceKind::anti_entropy_stored;
}

bool writes_judged_order(TraceKind kind) {
  return kind == TraceKind::handed_off || kind == TraceKind::handoff_covered ||
         kind == TraceKind::hinted || is_main_store_record(kind);
}

uint64_t judged_order_fact(const TraceRecord& r, const std::vector<TraceRecord>& before) {
  DT_ASSERT(reads_judged_order(r.kind), "not a record judged against earlier ones");
  if (r.kind == TraceKind::hint_deleted) {
    for (const TraceRecord& e : before) {
      const bool ack = e.kind == TraceKind::handed_off || e.kind == TraceKind::handoff_covered;
      if (ack && e.node == r.peer && e.peer == r.node && e.key == r.key &&
          e.write_id == r.write_id) {
        return 1;
      }
    }
    return 0;
  }
  uint64_t fact = 0;
  for (const TraceRecord& e : before) {
    if (e.node != r.peer || e.write_id != r.write_id) continue;
    if (is_main_store_record(e.kind)) return 2;
    if (e.kind == TraceKind::hinted) fact = 1;
  }
  return fact;
}

}  // namespace dt
