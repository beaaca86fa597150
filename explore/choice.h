// One step the explorer may take from a state, and its footprint: what the
// step reads and writes. Two steps with disjoint footprints commute and
// neither disables the other, which is what sleep sets rely on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"

namespace dt {

enum class ChoiceKind : uint8_t {
  deliver,         // an in-flight message reaches its (live) receiver
  fire_timer,      // a pending timer of a live node fires
  invoke,          // a client whose previous op completed issues its next op
  client_timeout,  // a client gives up on an op whose request can no longer be answered
  drop,            // an in-flight message is lost (budget: lost messages)
  duplicate,       // an in-flight message is copied (budget: duplicates)
  crash,           // a live node crashes (budget: crashes)
  restart,         // a down node restarts
  wipe,            // a node loses its disk (budget: wipes)
  partition,       // the network splits in two groups (budget: partitions)
  heal,            // the partition ends
  count_,
};
inline constexpr size_t kChoiceKindCount = static_cast<size_t>(ChoiceKind::count_);
const char* to_string(ChoiceKind kind);
std::optional<ChoiceKind> parse_choice_kind(std::string_view text);

// Which shared budget a step consumes (steps drawing on one budget are
// dependent: one may disable the other).
enum class Budget : uint8_t { none, lost, duplicates, crashes, wipes, partitions };

struct Footprint {
  NodeId node = kNoNode;      // the node whose state the step changes
  uint64_t message = 0;       // the in-flight copy it consumes or copies (0 = none)
  Budget budget = Budget::none;
  bool history = false;       // appended to the client history
  bool network = false;       // read or changed the partition
  bool network_write = false;
  bool observed = false;      // left a trace record or a history event
  bool order_read = false;    // left a record judged against other nodes' earlier ones
  bool order_write = false;   // left a record such a judgement looks for
                              // (both: explore/judged_orders.h)
};

// True when the two steps commute and neither disables the other. Under the
// exact-order identity (IdentityOptions::exact_order) two steps that both
// left a record or history event never commute: their order is part of the
// state. Neither do a step whose record a checker judges against other
// nodes' earlier records and a step that leaves a record it looks for: their
// order decides the verdict (explore/judged_orders.h).
bool independent(const Footprint& a, const Footprint& b, bool exact_order = false);

struct Choice {
  ChoiceKind kind = ChoiceKind::deliver;
  uint32_t index = 0;   // into the world's in-flight list, timers, clients or partitions
  NodeId node = kNoNode;  // node (faults, timers), coordinator (invoke)
  uint64_t key = 0;     // identity across states: same key = same step (replay, sleep sets)
  std::string text;     // one readable line
};

}  // namespace dt
