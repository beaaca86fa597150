// Reads a check report back from the JSON `to_json(CheckReport)` writes
// (report.json beside a run's history). Errors name the file and field.
#pragma once

#include <string>
#include <string_view>

#include "checks/verdict.h"
#include "core/status.h"

namespace dt {

Result<CheckReport> read_check_report_json(std::string_view text, std::string_view file_name);
Result<CheckReport> load_check_report_file(const std::string& path);

}  // namespace dt
