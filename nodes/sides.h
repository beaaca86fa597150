// Which node implementation runs on each side of a run: the model alone, the
// impl alone, or both in lockstep (refinement). The one layer that sees both
// model/ and impl/, so fuzz/, explore/ and cli/ can pick a side without
// model/ and impl/ ever including each other.
#pragma once

#include <string>

#include "core/node.h"
#include "core/status.h"

namespace dt {

enum class Side { model, impl, both };
Result<Side> parse_side(const std::string& text);
const char* to_string(Side side);

struct SideFactories {
  NodeFactory primary = nullptr;
  NodeFactory shadow = nullptr;  // set only for Side::both
};

SideFactories factories_for(Side side);

}  // namespace dt
