#include "explore/choice.h"

#include "core/assert.h"

namespace dt {

const char* to_string(ChoiceKind kind) {
  switch (kind) {
    case ChoiceKind::deliver: return "deliver";
    case ChoiceKind::fire_timer: return "fire_timer";
    case ChoiceKind::invoke: return "invoke";
    case ChoiceKind::client_timeout: return "client_timeout";
    case ChoiceKind::drop: return "drop";
    case ChoiceKind::duplicate: return "duplicate";
    case ChoiceKind::crash: return "crash";
    case ChoiceKind::restart: return "restart";
    case ChoiceKind::wipe: return "wipe";
    case ChoiceKind::partition: return "partition";
    case ChoiceKind::heal: return "heal";
    case ChoiceKind::count_: break;
  }
  return "?";
}

std::optional<ChoiceKind> parse_choice_kind(std::string_view text) {
  for (size_t k = 0; k < kChoiceKindCount; ++k) {
    const auto kind = static_cast<ChoiceKind>(k);
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

bool independent(const Footprint& a, const Footprint& b, bool exact_order) {
  if (exact_order && a.observed && b.observed) return false;
  if ((a.order_read && b.order_write) || (a.order_write && b.order_read)) return false;
  if (a.node != kNoNode && a.node == b.node) return false;
  if (a.message != 0 && a.message == b.message) return false;
  if (a.budget != Budget::none && a.budget == b.budget) return false;
  if (a.history && b.history) return false;
  if ((a.network_write && b.network) || (b.network_write && a.network)) return false;
  // A step that touches no node and no shared item is a no-op: still keep
  // it ordered (conservative).
  const bool a_empty = a.node == kNoNode && a.message == 0 && a.budget == Budget::none;
  const bool b_empty = b.node == kNoNode && b.message == 0 && b.budget == Budget::none;
  return !a_empty && !b_empty;
}

}  // namespace dt
