#include "checks/handoff_hygiene.h"

#include <unordered_set>

#include <fmt/format.h>

#include "checks/trace_facts.h"
#include "core/assert.h"

namespace dt {

namespace {

Violation record_violation(const TraceRecord& r, const char* kind, std::string explanation) {
  return Violation{true, kind, {}, {r.key}, {r.node, r.peer}, {r.write_id}, {r.time_ns},
                   std::move(explanation)};
}

// The peer must have held the version in its main store at an earlier position
// of the trace than the exchange that stored it here.
void check_anti_entropy(const CheckContext& ctx, const TraceRecord& r, uint32_t position,
                        PropertyVerdict& verdict) {
  DT_ASSERT(r.kind == TraceKind::anti_entropy_stored, "only anti-entropy stores");
  DT_ASSERT(position < ctx.input.trace.records.size(), "record position out of range");
  const auto owned_at = ctx.trace.first_main_store_at(r.write_id, r.peer);
  if (owned_at && *owned_at < position) return;
  const auto hinted_at = ctx.trace.first_hint_at(r.write_id, r.peer);
  const bool hint_only = hinted_at && *hinted_at < position;
  verdict.violations.push_back(record_violation(
      r, hint_only ? "hinted_data_served_as_owned" : "anti_entropy_from_non_holder",
      fmt::format("at {} ns node {} stored w{} (key {}) through a Merkle exchange with node {}, "
                  "which {} in its main store; exchanges must transfer owned data only",
                  r.time_ns, r.node, r.write_id, r.key, r.peer,
                  hint_only ? "held it only as a hint, never" : "never held it")));
}

}  // namespace

size_t HintKeyHash::operator()(const HintKey& k) const {
  uint64_t h = k.intended * 0x9E3779B97F4A7C15ULL ^ k.holder;
  h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL ^ k.key;
  h = (h ^ (h >> 31)) * 0x94D049BB133111EBULL ^ k.write;
  return static_cast<size_t>(h ^ (h >> 32));
}

bool is_hint_ack(TraceKind kind) {
  return kind == TraceKind::handed_off || kind == TraceKind::handoff_covered;
}

HintKey hint_acked_by(const TraceRecord& ack) {
  DT_ASSERT(is_hint_ack(ack.kind), "not a hint ack");
  return HintKey{ack.peer, ack.node, ack.key, ack.write_id};
}

HintKey hint_deleted_by(const TraceRecord& deletion) {
  DT_ASSERT(deletion.kind == TraceKind::hint_deleted, "not a hint deletion");
  return HintKey{deletion.node, deletion.peer, deletion.key, deletion.write_id};
}

PropertyVerdict check_handoff_hygiene(const CheckContext& ctx) {
  PropertyVerdict verdict;
  verdict.property = kHandoffHygiene;
  verdict.checked = true;
  verdict.promised = true;
  std::unordered_set<HintKey, HintKeyHash> acked;  // acks sent so far
  size_t deletions = 0;
  size_t exchanges = 0;
  const std::vector<TraceRecord>& records = ctx.input.trace.records;
  for (uint32_t position = 0; position < records.size(); ++position) {
    const TraceRecord& r = records[position];
    if (r.kind == TraceKind::hint_deleted) {
      ++deletions;
      if (acked.count(hint_deleted_by(r)) == 0) {
        verdict.violations.push_back(record_violation(
            r, "hint_deleted_before_handoff",
            fmt::format("at {} ns node {} deleted its hint of w{} (key {}) for node {}, but node "
                        "{} had not acked that hint from node {} before (no handed_off or "
                        "handoff_covered record)",
                        r.time_ns, r.node, r.write_id, r.key, r.peer, r.peer, r.node)));
      }
    } else if (r.kind == TraceKind::anti_entropy_stored) {
      ++exchanges;
      check_anti_entropy(ctx, r, position, verdict);
    } else if (is_hint_ack(r.kind)) {
      acked.insert(hint_acked_by(r));
    }
  }
  verdict.summary = fmt::format("{} hint deletions and {} anti-entropy stores checked",
                                deletions, exchanges);
  DT_ASSERT(verdict.violations.size() <= deletions + exchanges, "more violations than records");
  return verdict;
}

PropertyVerdict check_handoff_hygiene(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kHandoffHygiene, ctx.error());
  return check_handoff_hygiene(ctx.value());
}

}  // namespace dt
