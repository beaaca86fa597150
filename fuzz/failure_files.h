// The files a failure leaves behind, in OUT/failure-<seed>/:
//   original.json   the failing schedule as drawn (written first, before any shrinking)
//   minimized.json  the smallest schedule that fails the same way
//   history.json, trace.json  the minimized run's history and replica trace
//   report.txt      what failed, the minimized schedule's events, the check report
//   report.json     the check report as JSON (checks/verdict.h to_json), for `report`
//   divergence.json the lockstep's first difference, only when model and impl diverged
#pragma once

#include <string>

#include "core/schedule.h"
#include "core/status.h"
#include "fuzz/failure_signature.h"
#include "fuzz/minimize.h"
#include "fuzz/run_check.h"

namespace dt {

// "OUT/failure-<seed>"
std::string failure_dir(const std::string& out_dir, uint64_t seed);

// Creates `dir` (and its parents) and writes original.json.
Status write_original_schedule(const std::string& dir, const Schedule& schedule);

// Writes minimized.json, history.json, trace.json, report.txt, report.json
// (and divergence.json when the sides diverged) into `dir`.
// `header` opens report.txt (e.g. "seed: 7\nswarm: crash faults=3\n").
Status write_minimized_outputs(const std::string& dir, const std::string& header,
                               const FailureSignature& signature, const MinimizeResult& result);

// The report text: the header, the failure, the shrink numbers, the schedule's
// events one per line, the divergence (if any) and the check report.
std::string failure_report_text(const std::string& header, const FailureSignature& signature,
                                const MinimizeResult& result);

// {"event_index", "time_ns", "node", "event", "differences"}, one JSON document.
std::string divergence_json_text(const Divergence& divergence);

// Writes `text` to `path`; the error names the path.
Status write_file(const std::string& path, const std::string& text);

}  // namespace dt
