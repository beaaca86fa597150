// NodeState <-> JSON for trace files: the canonical state of one node.
//   {"node": 0, "store": [{"key": 3, "siblings": [...]}],
//    "hints": [{"intended": 1, "store": [...]}], "suspected": [2],
//    "pending": [{"request_id": 1, "op_id": 7, "key": 3, "targets": [..], "answered": [..]}],
//    "merkle_roots": [[partition, root], ...]}
#pragma once

#include <string>

#include "core/node_state.h"
#include "histories/json_util.h"

namespace dt {

Json node_state_to_json(const NodeState& state);
// Every list must be sorted and unique by its key (the C++ maps are ordered).
Status read_node_state(const Json& json, const std::string& path, NodeState& out);

}  // namespace dt
