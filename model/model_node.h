// The reference model of one Dynamo node: the protocol written to be obviously
// correct (plain maps, full recomputation, no caching). docs/protocol.md is
// its specification, ordering rules included; the impl must reproduce its
// effects exactly.
#pragma once

#include <memory>

#include "core/node.h"

namespace dt {

// A dt::NodeFactory. The model ignores `bugs` (injected bugs live in the impl).
std::unique_ptr<Node> make_model_node(NodeId self, const Config& config, const BugSet& bugs);

}  // namespace dt
