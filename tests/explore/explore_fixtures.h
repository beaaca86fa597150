// Tiny explore setups shared by the explore tests.
#pragma once

#include <string>

#include "explore/bounds.h"
#include "nodes/sides.h"

namespace dt::testing {

// 2 nodes, N=2 R=1 W=2, strict, one client doing one put, no periodic
// timers: small enough for a brute-force enumeration of every path.
inline ExploreSetup tiny_setup(Side side = Side::impl, const std::string& bug = "") {
  ExploreSetup setup;
  setup.config.nodes = 2;
  setup.config.replicas_n = 2;
  setup.config.read_quorum_r = 1;
  setup.config.write_quorum_w = 2;
  setup.config.partitions_q = 2;
  setup.config.quorum_mode = QuorumMode::strict;
  setup.bounds.clients = 1;
  setup.bounds.ops_per_client = 1;
  setup.bounds.timer_firings_per_node = 0;
  if (!bug.empty()) setup.inject.insert(bug);
  const SideFactories f = factories_for(side);
  setup.primary = f.primary;
  setup.shadow = f.shadow;
  return setup;
}

// 3 nodes, N=2 R=1 W=1, Q=3, sloppy (a fallback exists for every key), one
// client doing one put, no periodic timers.
inline ExploreSetup sloppy_setup(Side side = Side::impl, const std::string& bug = "") {
  ExploreSetup setup = tiny_setup(side, bug);
  setup.config.nodes = 3;
  setup.config.partitions_q = 3;
  setup.config.write_quorum_w = 1;
  setup.config.quorum_mode = QuorumMode::sloppy;
  return setup;
}

// scripts/explore-zoo.sh config N: 2 nodes, N=1 W=1, sloppy, one put, 1 crash
// and two handoff rounds (2 periodic firings per node), impl side.
inline ExploreSetup config_n_setup(const std::string& bug = "") {
  ExploreSetup setup = tiny_setup(Side::impl, bug);
  setup.config.replicas_n = 1;
  setup.config.write_quorum_w = 1;
  setup.config.quorum_mode = QuorumMode::sloppy;
  setup.bounds.op_pattern = {OpFn::put};
  setup.bounds.crashes = 1;
  setup.bounds.timer_firings_per_node = 2;
  return setup;
}

}  // namespace dt::testing
