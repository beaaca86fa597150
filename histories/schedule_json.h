// Schedule files (docs/schedule-format.md): what `run --save-schedule` writes,
// `replay` reads and `minimize` shrinks.
#pragma once

#include <string>
#include <string_view>

#include "core/schedule.h"
#include "core/status.h"

namespace dt {

inline constexpr const char* kScheduleFormat = "dynamo-testbed-schedule";
inline constexpr uint64_t kScheduleVersion = 1;

// Pretty, stable key order, one event per line; deterministic.
// Only the fields that belong to each event's kind are written.
std::string write_schedule_json(const Schedule& schedule);

// Parses and validates (validate_schedule). Errors read
// "bad.json: events[3].node: 7 is not a node (nodes are 0..4)".
Result<Schedule> read_schedule_json(std::string_view text, std::string_view file_name);

// Reads the file at `path` and parses it; the path names the file in errors.
Result<Schedule> load_schedule_file(const std::string& path);

}  // namespace dt
