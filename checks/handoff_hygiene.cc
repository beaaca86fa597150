#include "checks/handoff_hygiene.h"

#include <unordered_set>

#include <fmt/format.h>

#include "checks/trace_facts.h"
#include "core/assert.h"

namespace dt {

namespace {

// One handoff: `intended` stored `write` of `key` handed off from `holder`.
struct Handoff {
  uint64_t intended = 0, holder = 0, key = 0, write = 0;
  friend bool operator==(const Handoff&, const Handoff&) = default;
};
struct HandoffHash {
  size_t operator()(const Handoff& f) const {
    uint64_t h = f.intended * 0x9E3779B97F4A7C15ULL ^ f.holder;
    h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL ^ f.key;
    h = (h ^ (h >> 31)) * 0x94D049BB133111EBULL ^ f.write;
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

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

// True when `intended` held `write` (or a version superseding it; under LWW any
// version of the key) in its main store at a trace position before `position` and
// lost it to no wipe since: it could ack a handoff of that write without storing
// anything new (so without a `handed_off` record).
bool intended_already_held(const CheckContext& ctx, const TraceRecord& deletion,
                           uint32_t position) {
  DT_ASSERT(deletion.kind == TraceKind::hint_deleted, "only hint deletions");
  const std::vector<TraceRecord>& records = ctx.input.trace.records;
  DT_ASSERT(position < records.size(), "record position out of range");
  const NodeId intended = deletion.peer;
  const bool lww = ctx.input.config.versioning == Versioning::lww;
  for (uint32_t at : ctx.trace.records_of_key(deletion.key)) {
    if (at >= position) break;
    const TraceRecord& r = records[at];
    if (r.node != intended || !is_main_store_record(r.kind)) continue;
    // Under LWW any held version of the key resolves the offer (one of them wins).
    if (!lww && !ctx.writes.covers(r.write_id, deletion.write_id)) continue;
    if (!ctx.trace.wipe_between(intended, r.time_ns, deletion.time_ns)) return true;
  }
  return false;
}

}  // namespace

PropertyVerdict check_handoff_hygiene(const CheckContext& ctx) {
  PropertyVerdict verdict;
  verdict.property = kHandoffHygiene;
  verdict.checked = true;
  verdict.promised = true;
  std::unordered_set<Handoff, HandoffHash> handed_off;
  size_t deletions = 0;
  size_t exchanges = 0;
  const std::vector<TraceRecord>& records = ctx.input.trace.records;
  for (uint32_t position = 0; position < records.size(); ++position) {
    const TraceRecord& r = records[position];
    if (r.kind == TraceKind::hint_deleted) {
      ++deletions;
      if (handed_off.count({r.peer, r.node, r.key, r.write_id}) == 0 &&
          !intended_already_held(ctx, r, position)) {
        verdict.violations.push_back(record_violation(
            r, "hint_deleted_before_handoff",
            fmt::format("at {} ns node {} deleted its hint of w{} (key {}) for node {}, but node "
                        "{} had neither stored that write handed off from node {} nor held it "
                        "(or a version superseding it) in its main store before",
                        r.time_ns, r.node, r.write_id, r.key, r.peer, r.peer, r.node)));
      }
    } else if (r.kind == TraceKind::anti_entropy_stored) {
      ++exchanges;
      check_anti_entropy(ctx, r, position, verdict);
    } else if (r.kind == TraceKind::handed_off) {
      handed_off.insert({r.node, r.peer, r.key, r.write_id});
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
