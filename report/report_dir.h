// `report DIR`: recognise what DIR holds (a run directory from run/replay
// --out, a campaign failure directory, a campaign output directory, or an
// explore output directory), load
// it, and write the HTML page. Bad files give errors naming file and field.
#pragma once

#include <string>

#include "core/status.h"
#include "report/run_data.h"

namespace dt {

enum class ReportDirKind { run, failure, campaign, explore };
const char* to_string(ReportDirKind kind);

// run: history.json + schedule.json; failure: history.json + minimized.json;
// campaign: report.json with "failures" and no history.json; explore:
// summary.json (explore --out), with history.json when it found a violation.
Result<ReportDirKind> report_dir_kind(const std::string& dir);

// Loads a run or failure directory. report.json (the check report) is read
// when present; older directories without it are checked afresh.
Result<RunFiles> load_run_dir(const std::string& dir);

// The page for `dir` (run, failure, campaign or explore).
Result<std::string> report_html(const std::string& dir);

// Writes the page for `dir` to `out_path` (empty: DIR/report.html). For a
// campaign directory also writes each failure directory's report.html, which
// the campaign page links to.
Status write_report_html(const std::string& dir, const std::string& out_path);

}  // namespace dt
