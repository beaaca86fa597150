// The end-of-campaign report, as text for people and JSON for machines; both
// state the same facts (runs, rate, failures with seed, swarm, signature,
// minimized size and paths, coverage table, exit code).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "fuzz/campaign.h"

namespace dt {

std::string format_campaign_report(const CampaignOptions& options, const CampaignResult& result);
nlohmann::json campaign_report_json(const CampaignOptions& options, const CampaignResult& result);

// One progress line: "runs 1200 (96.1/s) failures 0 violations 0 marks 11/12 12.5 s".
std::string format_progress(const CampaignProgress& progress);
// "FAILURE seed 17 [crash+partition faults=4]: durability/lost_write"
std::string format_found_failure(const FoundFailure& failure);

const char* to_string(OnFailure on_failure);

}  // namespace dt
