// The campaign page's data from a campaign output directory's report.json
// (fuzz/campaign_report.h): totals, coverage marks, swarm profiles, and the
// failures by signature, each linked to its failure directory's report.html.
#pragma once

#include <string>

#include "core/status.h"
#include "histories/json_util.h"

namespace dt {

// `report` is the parsed report.json of `dir`; fields the page needs are
// checked and errors name `report_file` and the field.
Result<Json> campaign_page_data(const std::string& dir, const Json& report,
                                const std::string& report_file);

// The failure directories of the campaign that hold a minimized run (a page
// can be built for each), as paths under `dir`.
std::vector<std::string> campaign_failure_dirs(const std::string& dir, const Json& report);

}  // namespace dt
