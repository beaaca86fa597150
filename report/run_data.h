// Everything a run or failure page shows, gathered from a run's files, and the
// page data (one JSON object) built from it.
#pragma once

#include <optional>
#include <string>

#include "checks/verdict.h"
#include "core/history.h"
#include "core/run_record.h"
#include "core/schedule.h"
#include "histories/json_util.h"

namespace dt {

struct RunFiles {
  std::string kind = "run";   // "run" (run/replay --out) or "failure" (campaign failure dir)
  std::string title;
  Schedule schedule;          // schedule.json, or minimized.json for a failure
  History history;
  ReplicaTrace trace;
  CheckReport report;
  std::optional<Json> divergence;  // divergence.json: the lockstep's first difference
  std::string report_text;         // report.txt as written, shown verbatim
};

// Witnesses must point into the run: op indices into the history, nodes below
// config.nodes. The error names `report_file` and the field.
Status check_witnesses(const RunFiles& files, const std::string& report_file);

// The run page's data: {"kind", "title", "config", "ops", "kinds", "records",
// "faults", "events", "report", "replicas", "divergence", ...} (report/page/report.js).
Json run_page_data(const RunFiles& files);

}  // namespace dt
