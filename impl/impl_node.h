// The optimized implementation of one Dynamo node. It must produce exactly
// the model's effects and abstract state (docs/protocol.md); docs/impl.md
// describes its data structures and why each keeps the model's order.
#pragma once

#include <memory>

#include "core/node.h"

namespace dt {

// A dt::NodeFactory. `bugs` switches on named impl bugs (impl/impl_bugs.h).
std::unique_ptr<Node> make_impl_node(NodeId self, const Config& config, const BugSet& bugs);

}  // namespace dt
