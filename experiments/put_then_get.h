// One PBS trial run by the real (impl) nodes in the simulator: a put of a key
// by a coordinator that is not one of its home replicas, then, a given time
// after the put's ok reached its client, a get of the key by a second
// non-replica coordinator. The trial says whether the get saw the put.
// Coordinators outside the home set make every replica a network hop away,
// so no replica answers first just because it coordinates.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

// The key's home replicas and the two coordinators: the lowest-numbered
// nodes outside the home set. REQUIRES: config.nodes >= N + 2.
struct TrialRoles {
  std::vector<NodeId> replicas;
  NodeId writer = kNoNode;
  NodeId reader = kNoNode;
};
TrialRoles trial_roles(const Config& config, Key key);

struct PutThenGet {
  Config config;        // REQUIRES: valid, nodes >= N + 2
  uint64_t seed = 1;    // the run's seed (network and client streams)
  Key key = 0;
  // Home replicas the writer's messages never reach (the link writer -> each
  // drops everything from the start): the put lands on the others only.
  std::vector<NodeId> unwritten;
  TimeNs read_after_ack_ns = 0;  // get invoked this long after the put's ok
};

struct PutThenGetOutcome {
  bool put_ok = false;   // false: the trial is void (no get was sent)
  bool get_ok = false;   // the get answered with R replies
  bool saw_write = false;  // its siblings include the put's version
  TimeNs ack_ns = 0;     // the put's ok at the client
  TimeNs read_ns = 0;    // the get's invocation
};

PutThenGetOutcome run_put_then_get(const PutThenGet& trial);

}  // namespace dt
