// One readable timeline of a run: client ops and replica trace records merged
// in time order, so a person can follow what happened to each write.
#pragma once

#include <string>

#include "core/history.h"
#include "core/run_record.h"

namespace dt {

std::string format_timeline(const History& history, const ReplicaTrace& trace);
std::string describe_op(const HistoryOp& op);
std::string describe_record(const TraceRecord& record);

}  // namespace dt
