#include "explore/judged_orders.h"

#include <algorithm>

#include "checks/handoff_hygiene.h"
#include "checks/trace_facts.h"
#include "core/assert.h"

namespace dt {

bool reads_judged_order(TraceKind kind) {
  return kind == TraceKind::hint_deleted || kind == TraceKind::anti_entropy_stored;
}

bool writes_judged_order(TraceKind kind) {
  return is_hint_ack(kind) || kind == TraceKind::hinted || is_main_store_record(kind);
}

uint64_t judged_order_fact(const TraceRecord& r, const std::vector<TraceRecord>& before) {
  DT_ASSERT(reads_judged_order(r.kind), "not a record judged against earlier ones");
  if (r.kind == TraceKind::hint_deleted) {
    const HintKey hint = hint_deleted_by(r);
    const bool acked = std::any_of(before.begin(), before.end(), [&](const TraceRecord& e) {
      return is_hint_ack(e.kind) && hint_acked_by(e) == hint;
    });
    return acked ? 1 : 0;
  }
  // As TraceFacts indexes them: a main-store record, or a `hinted` one.
  AntiEntropySource source = AntiEntropySource::none;
  for (const TraceRecord& e : before) {
    if (e.node != r.peer || e.write_id != r.write_id) continue;
    if (is_main_store_record(e.kind)) return static_cast<uint64_t>(AntiEntropySource::owned);
    if (e.kind == TraceKind::hinted) source = AntiEntropySource::hint_only;
  }
  return static_cast<uint64_t>(source);
}

}  // namespace dt
