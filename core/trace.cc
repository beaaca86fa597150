#include "core/trace.h"

#include <array>
#include <utility>

#include "core/assert.h"

namespace dt {

namespace {
constexpr std::array<std::pair<TraceKind, const char*>, 30> kTraceKindNames{{
    {TraceKind::request_started, "request_started"},
    {TraceKind::target_chosen, "target_chosen"},
    {TraceKind::replica_replied, "replica_replied"},
    {TraceKind::request_finished, "request_finished"},
    {TraceKind::stored, "stored"},
    {TraceKind::hinted, "hinted"},
    {TraceKind::handoff_offered, "handoff_offered"},
    {TraceKind::handed_off, "handed_off"},
    {TraceKind::handoff_covered, "handoff_covered"},
    {TraceKind::hint_deleted, "hint_deleted"},
    {TraceKind::repaired, "repaired"},
    {TraceKind::superseded, "superseded"},
    {TraceKind::hint_superseded, "hint_superseded"},
    {TraceKind::anti_entropy_stored, "anti_entropy_stored"},
    {TraceKind::merkle_exchange, "merkle_exchange"},
    {TraceKind::suspected, "suspected"},
    {TraceKind::trusted, "trusted"},
    {TraceKind::lost_on_crash, "lost_on_crash"},
    {TraceKind::lost_on_wipe, "lost_on_wipe"},
    {TraceKind::crashed, "crashed"},
    {TraceKind::restarted, "restarted"},
    {TraceKind::wiped, "wiped"},
    {TraceKind::paused, "paused"},
    {TraceKind::resumed, "resumed"},
    {TraceKind::partitioned, "partitioned"},
    {TraceKind::healed, "healed"},
    {TraceKind::link_changed, "link_changed"},
    {TraceKind::read_repair_sent, "read_repair_sent"},
    {TraceKind::merkle_exchange_started, "merkle_exchange_started"},
    {TraceKind::clock_skewed, "clock_skewed"},
}};
}  // namespace

TraceRecord dropped_record(NodeId self, TraceKind kind, NodeId peer, Key key,
                           const DroppedVersion& dropped) {
  DT_ASSERT(kind == TraceKind::superseded || kind == TraceKind::hint_superseded,
            "a dropped version is recorded as superseded");
  DT_ASSERT(dropped.dot.counter > 0 && dropped.replaced_by != 0, "a dropped version names both");
  TraceRecord record;
  record.node = self;
  record.kind = kind;
  record.peer = peer;
  record.key = key;
  record.write_id = dropped.write_id;
  record.dot = dropped.dot;
  record.tombstone = dropped.tombstone;
  record.extra = dropped.replaced_by;
  return record;
}

const char* to_string(TraceKind kind) {
  for (const auto& [k, name] : kTraceKindNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<TraceKind> parse_trace_kind(std::string_view text) {
  for (const auto& [k, name] : kTraceKindNames) {
    if (text == name) return k;
  }
  return std::nullopt;
}

}  // namespace dt
