#include "core/trace.h"

#include <array>
#include <utility>

namespace dt {

namespace {
constexpr std::array<std::pair<TraceKind, const char*>, 25> kNames{{
    {TraceKind::request_started, "request_started"},
    {TraceKind::target_chosen, "target_chosen"},
    {TraceKind::replica_replied, "replica_replied"},
    {TraceKind::request_finished, "request_finished"},
    {TraceKind::stored, "stored"},
    {TraceKind::hinted, "hinted"},
    {TraceKind::handoff_offered, "handoff_offered"},
    {TraceKind::handed_off, "handed_off"},
    {TraceKind::hint_deleted, "hint_deleted"},
    {TraceKind::repaired, "repaired"},
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
    {TraceKind::clock_skewed, "clock_skewed"},
}};
}  // namespace

const char* to_string(TraceKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<TraceKind> parse_trace_kind(std::string_view text) {
  for (const auto& [k, name] : kNames) {
    if (text == name) return k;
  }
  return std::nullopt;
}

}  // namespace dt
