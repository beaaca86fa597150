// The explore page's data from an `explore --out` directory: summary.json
// (states, bounds, bounds hit, choice-kind coverage, verdict) and, when the
// search found a violation, the counterexample's steps with the explored
// path's history and trace drawn in the same lanes as a run.
#pragma once

#include <string>

#include "core/schedule.h"
#include "core/status.h"
#include "core/run_record.h"
#include "histories/json_util.h"

namespace dt {

// The faults an explored path took (crash, wipe, restart, partition, heal),
// read back from the trace records the explorer wrote for them, as schedule
// events so the run page's fault bands draw them. Records of other kinds are
// ignored; a partition record's detail is "0,1|2,3".
Result<std::vector<ScheduleEvent>> explored_fault_events(const ReplicaTrace& trace);

// Checks the summary fields the page reads; errors name `summary_file` and
// the field. Fields it does not read are left alone (the summary may grow).
Status check_explore_summary(const Json& summary, const std::string& summary_file);

// The whole page data for `dir`: {"kind": "explore", "title", "explore":
// summary, ...run page fields when a counterexample is there}.
Result<Json> explore_page_data(const std::string& dir);

}  // namespace dt
