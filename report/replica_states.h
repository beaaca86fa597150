// The final replica states per key, as the page's "final replica states"
// table shows them: each home replica's siblings (main store), whether the home
// replicas differ, who else holds the key (stray main-store copies, hints) and
// the Merkle root of the key's partition on each home replica.
#pragma once

#include <cstddef>

#include "core/config.h"
#include "core/history.h"
#include "core/run_record.h"
#include "histories/json_util.h"

namespace dt {

// Keys differing between home replicas come first; at most `max_keys` keys
// (the rest are counted in "omitted_keys").
// REQUIRES: trace.final_states holds one state per node of `config` (or none).
Json replica_states_json(const Config& config, const History& history,
                         const ReplicaTrace& trace, size_t max_keys);

}  // namespace dt
