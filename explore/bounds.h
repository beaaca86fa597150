// What one exploration covers: the cluster config, the client scripts, the
// fault budgets and the search bounds. Every field is reported with a result,
// because "verified" means "verified within exactly these".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/history.h"
#include "core/node.h"
#include "core/status.h"

namespace dt {

// Which node a client sends its ops to.
enum class CoordinatorPolicy {
  spread,  // client c -> node c mod nodes
  first,   // every client -> node 0 (makes clients interchangeable)
  any,     // each invoke branches over every node
};
const char* to_string(CoordinatorPolicy policy);
Result<CoordinatorPolicy> parse_coordinator_policy(const std::string& text);

// When a one-shot timeout (probe_timeout, replica_timeout, request_deadline)
// may fire.
enum class TimeoutPolicy {
  any,         // at any time, even before a reply that is on its way (asynchrony)
  after_loss,  // only once nothing it waits for can still arrive: no copy of the
               // exchange is in flight to a live, connected receiver (and, for a
               // deadline, no replica timeout of the request is pending). The
               // simulator's timing: timeouts are longer than message delays.
};
const char* to_string(TimeoutPolicy policy);
Result<TimeoutPolicy> parse_timeout_policy(const std::string& text);

struct ExploreBounds {
  // Workload: client c's op i is op_pattern[i mod size] on key (c + i) mod keys.
  uint32_t clients = 2;
  uint32_t ops_per_client = 2;
  uint32_t keys = 1;
  std::vector<OpFn> op_pattern = {OpFn::put, OpFn::get};
  CoordinatorPolicy coordinators = CoordinatorPolicy::spread;
  // Fault budgets (each a count of choices the whole path may take).
  uint32_t crashes = 0;
  uint32_t wipes = 0;
  uint32_t partitions = 0;     // a heal is free while partitioned
  uint32_t lost_messages = 0;  // drop choices
  uint32_t duplicates = 0;     // duplicate choices
  // Firings of each node's periodic timers (probe, handoff, anti-entropy)
  // together; one-shot timers (timeouts, deadlines) are not bounded: each
  // is set by some event and fires at most once.
  uint32_t timer_firings_per_node = 1;
  TimeoutPolicy timeouts = TimeoutPolicy::any;
  uint32_t max_depth = 64;       // choices per path
  uint64_t max_states = 0;       // 0 = no bound

  friend bool operator==(const ExploreBounds&, const ExploreBounds&) = default;
  // "clients=2 ops=2 keys=1 crashes=1 ..."; one line.
  std::string describe() const;
  Status validate(const Config& config) const;
  OpFn op_of(uint32_t op_index) const;
  Key key_of(uint32_t client, uint32_t op_index) const;
};

Result<std::vector<OpFn>> parse_op_pattern(const std::string& text);  // "put,get"
std::string op_pattern_text(const std::vector<OpFn>& pattern);

// Everything that fixes the state space (not how it is searched).
struct ExploreSetup {
  Config config;
  ExploreBounds bounds;
  BugSet inject;
  NodeFactory primary = nullptr;
  NodeFactory shadow = nullptr;  // set: lockstep refinement on every step
};

}  // namespace dt
