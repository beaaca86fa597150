// Running one schedule the way every command does: pick the side(s), run the
// simulator, run all checks, and present the outcome (text, JSON, files).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/check_all.h"
#include "core/schedule.h"
#include "core/status.h"
#include "nodes/sides.h"
#include "sim/runner.h"

namespace dt {

struct Execution {
  RunResult run;
  CheckReport report;
  // 0 ok, 1 when a promised property was violated or the sides diverged.
  int exit_code() const;
};

Execution execute(const Schedule& schedule, Side side);

// Writes schedule.json, history.json, trace.json, report.txt and report.json
// (the check report as JSON), plus divergence.json when the sides diverged.
Status write_outputs(const std::string& dir, const Schedule& schedule, const Execution& e);

// A short human summary: config, op counts, quiescence, check table, digest.
std::string summary_text(const Schedule& schedule, const Execution& e);
nlohmann::json summary_json(const Schedule& schedule, const Execution& e);

}  // namespace dt
