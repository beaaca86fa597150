// What one run leaves behind besides the client history: the replica trace,
// the final replica states and the liveness-phase facts. The checkers read
// this; histories/trace_json.h writes and reads it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/coverage.h"
#include "core/node_state.h"
#include "core/trace.h"
#include "core/types.h"

namespace dt {

struct ReplicaTrace {
  std::vector<TraceRecord> records;   // in the order they happened (time_ns non-decreasing)
  TimeNs final_heal_ns = 0;           // the liveness phase started here
  // Quiescence rounds run after the final heal until every partition's home
  // replicas agreed and no hint was left for a live node; equals the bound
  // (config.quiescence_rounds) when they never did.
  uint32_t quiescence_rounds_used = 0;
  bool quiesced = false;
  TimeNs final_reads_ns = 0;          // final reads were invoked from here on
  std::vector<NodeState> final_states;  // one per node, by node id, at the end
  CoverageCounts coverage{};

  friend bool operator==(const ReplicaTrace&, const ReplicaTrace&) = default;
};

}  // namespace dt
