// Which node implementation runs on each side of a run.
#pragma once

#include "cli/execute.h"
#include "core/node.h"

namespace dt {

struct SideFactories {
  NodeFactory primary = nullptr;
  NodeFactory shadow = nullptr;  // set only for Side::both
};

SideFactories factories_for(Side side);

}  // namespace dt
