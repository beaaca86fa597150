// The convergence test of the liveness phase: the cluster has quiesced when,
// for every partition, all home replicas hold identical siblings for every
// key of that partition, and no node holds a hint (every node is live now).
#pragma once

#include <vector>

#include "core/config.h"
#include "core/node_state.h"

namespace dt {

// REQUIRES: states[i].node == i for every node of the config.
bool cluster_quiesced(const Config& config, const std::vector<NodeState>& states);

}  // namespace dt
