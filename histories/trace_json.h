// Replica trace files (docs/history-format.md, "Trace files"): the trace
// records, the liveness-phase facts, the final node states and the coverage.
#pragma once

#include <string>
#include <string_view>

#include "core/run_record.h"
#include "core/status.h"

namespace dt {

inline constexpr const char* kTraceFormat = "dynamo-testbed-trace";
inline constexpr uint64_t kTraceVersion = 1;

// Deterministic; one record and one final state per line; fields at their
// defaults are omitted.
std::string write_trace_json(const ReplicaTrace& trace);

// Parses and validates: records in time order, node ids in range (nodes =
// final_states.size(), or at most 64 when there are none), final_states[i].node
// == i, every map and list in canonical (sorted, unique) order.
Result<ReplicaTrace> read_trace_json(std::string_view text, std::string_view file_name);
Result<ReplicaTrace> load_trace_file(const std::string& path);

}  // namespace dt
