// Small queries over a run used by the scenarios' assertions.
#pragma once

#include <optional>
#include <vector>

#include "core/history.h"
#include "core/run_record.h"
#include "core/schedule.h"

namespace dt {

// Key roles as the seed names them: A, B, C = the key's preference list,
// D, E = the fallback order.
struct KeyRoles {
  NodeId a, b, c, d, e;
};
KeyRoles key_roles(const Config& config, Key key);

// Records of `kind` at `node` (kNoNode = any) about `write_id` (0 = any).
std::vector<TraceRecord> records_of(const ReplicaTrace& trace, TraceKind kind, NodeId node,
                                    WriteId write_id = 0);
// Time of the first such record, if any.
std::optional<TimeNs> first_time(const ReplicaTrace& trace, TraceKind kind, NodeId node,
                                 WriteId write_id = 0);

// The completion of the n-th invoke (0-based) of `fn` by `process`.
const HistoryOp* completion_of(const History& history, ProcessId process, OpFn fn, size_t nth);
// The invoke matching a completion.
const HistoryOp* invoke_of(const History& history, const HistoryOp& completion);

// Whether `node`'s final main store holds write `write_id` for `key` (as a
// sibling), and whether it holds it or something superseding it.
bool final_store_has(const ReplicaTrace& trace, NodeId node, Key key, WriteId write_id);
const Siblings* final_siblings(const ReplicaTrace& trace, NodeId node, Key key);

}  // namespace dt
