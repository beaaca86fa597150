#include "core/schedule.h"

#include <array>
#include <utility>

namespace dt {

namespace {
constexpr std::array<std::pair<EventKind, const char*>, 13> kEventKindNames{{
    {EventKind::crash, "crash"},
    {EventKind::restart, "restart"},
    {EventKind::wipe, "wipe"},
    {EventKind::pause, "pause"},
    {EventKind::resume, "resume"},
    {EventKind::partition, "partition"},
    {EventKind::heal, "heal"},
    {EventKind::link, "link"},
    {EventKind::clock_skew, "clock_skew"},
    {EventKind::put, "put"},
    {EventKind::get, "get"},
    {EventKind::del, "delete"},
    {EventKind::add, "add"},
}};
}  // namespace

const char* to_string(EventKind kind) {
  for (const auto& [k, name] : kEventKindNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<EventKind> parse_event_kind(std::string_view text) {
  for (const auto& [k, name] : kEventKindNames) {
    if (text == name) return k;
  }
  return std::nullopt;
}

}  // namespace dt
