// What an exploration reports: the "verified: ..." line (or the violation
// and its counterexample), the bounds, which choice kinds were ever enabled,
// which bounds were hit (a hit bound = not exhaustive beyond it), and rates.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "explore/bounds.h"
#include "explore/search.h"

namespace dt {

struct ExploreHeader {
  std::string side;
  std::string inject;  // comma-separated, "" = none
  Config config;
  ExploreBounds bounds;
  SearchOptions options;
};

std::string explore_summary_text(const ExploreHeader& header, const ExploreResult& result);
nlohmann::json explore_summary_json(const ExploreHeader& header, const ExploreResult& result);
// "nodes=3 N=3 R=2 W=2 Q=4 strict hints=durable vclock"
std::string explore_config_text(const Config& config);

}  // namespace dt
