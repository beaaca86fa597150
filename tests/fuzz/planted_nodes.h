// Test-only node factories with planted bugs, so the campaign and minimizer
// tests have failures that do not depend on the real model or impl.
#pragma once

#include <memory>

#include "core/node.h"

namespace dt::testing {

// The model, except that every restart (a second on_start) also emits an
// extra coverage mark: as the shadow of a lockstep run it diverges from the
// model exactly when a crashed node restarts.
std::unique_ptr<Node> make_restart_marking_node(NodeId self, const Config& config,
                                                const BugSet& bugs);

// The model, except that an ok get replies with no siblings and an empty
// context: reads miss acknowledged writes (a quorum_overlap violation).
std::unique_ptr<Node> make_amnesiac_reader_node(NodeId self, const Config& config,
                                                const BugSet& bugs);

// The model, except that after a restart its abstract state also claims to
// suspect itself: as the shadow of a lockstep run it diverges in state only
// (never in effects) exactly when a crashed node restarts.
std::unique_ptr<Node> make_restart_hiding_node(NodeId self, const Config& config,
                                               const BugSet& bugs);

}  // namespace dt::testing
