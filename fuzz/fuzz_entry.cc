#include "fuzz/fuzz_entry.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "checks/verdict.h"
#include "core/assert.h"
#include "fuzz/run_check.h"
#include "fuzz/schedule_decoder.h"
#include "histories/config_json.h"
#include "histories/history_json.h"
#include "histories/json_util.h"
#include "histories/schedule_json.h"
#include "histories/trace_json.h"

namespace dt {

namespace {

std::string_view as_text(std::span<const uint8_t> bytes) {
  return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

}  // namespace

Schedule bounded_fuzz_schedule(std::span<const uint8_t> bytes, const FuzzBudget& budget) {
  DT_ASSERT(budget.max_duration_ns > 0, "a budget without a safety phase");
  Schedule s = decode_schedule(bytes).schedule;
  s.workload.ops = std::min(s.workload.ops, budget.max_ops);
  s.workload.duration_ns = std::min(s.workload.duration_ns, budget.max_duration_ns);
  const TimeNs end_ns = s.workload.duration_ns;
  std::erase_if(s.events, [end_ns](const ScheduleEvent& e) { return e.at_ns >= end_ns; });
  DT_ASSERT(check_schedule_runnable(s).is_ok(), "a bounded decoded schedule stays runnable");
  DT_ASSERT(s.workload.ops <= budget.max_ops, "ops capped");
  return s;
}

namespace {

bool env_is_one(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && std::string_view(value) == "1";
}

}  // namespace

FuzzBudget fuzz_budget_from_env() {
  if (env_is_one("DT_FUZZ_FAST")) return kFastFuzzBudget;
  if (env_is_one("DT_FUZZ_QUICK")) return kQuickFuzzBudget;
  return kFullFuzzBudget;
}

const char* fuzz_budget_name(const FuzzBudget& budget) {
  if (budget == kFullFuzzBudget) return "full";
  if (budget == kQuickFuzzBudget) return "quick";
  if (budget == kFastFuzzBudget) return "fast";
  return "custom";
}

std::optional<DifferentialFailure> differential_one(std::span<const uint8_t> bytes,
                                                    NodeFactory primary, NodeFactory shadow,
                                                    const FuzzBudget& budget,
                                                    const std::vector<std::string>& inject) {
  DT_ASSERT(primary != nullptr, "the differential target needs a primary factory");
  Schedule schedule = bounded_fuzz_schedule(bytes, budget);
  schedule.inject = inject;
  RunOptions options;
  options.primary = primary;
  options.shadow = shadow;
  options.compute_digest = false;  // nothing here reads it
  options.state_check_interval = budget.state_check_interval;
  RunVerdict verdict = run_and_check(schedule, options);
  if (!verdict.failed()) return std::nullopt;
  if (options.state_check_interval > 1) {
    // Report what a replay (states compared after every event) reports: the
    // exact event, or a divergence a sparse check missed before a violation.
    options.state_check_interval = 1;
    verdict = run_and_check(schedule, options);
    DT_ASSERT(verdict.failed(), "a sparse lockstep failure that the exact run does not show");
  }
  std::string text = fmt::format("differential failure: {}\n", verdict.failure->describe());
  if (verdict.run.divergence) {
    const Divergence& d = *verdict.run.divergence;
    text += fmt::format("model and impl diverged at event {} (t={} ns): {}\n", d.event_index,
                        d.time_ns, d.event);
    for (const std::string& line : d.differences) text += "  " + line + "\n";
  }
  text += format_report(verdict.report, 3);
  return DifferentialFailure{schedule, std::move(text)};
}

bool schedule_json_one(std::span<const uint8_t> bytes) {
  const Result<Schedule> parsed = read_schedule_json(as_text(bytes), "fuzz-input");
  if (!parsed.is_ok()) return true;
  const Result<Schedule> again = read_schedule_json(write_schedule_json(parsed.value()), "again");
  return again.is_ok() && again.value() == parsed.value();
}

bool history_json_one(std::span<const uint8_t> bytes) {
  const Result<HistoryFile> parsed = read_history_json(as_text(bytes), "fuzz-input");
  if (!parsed.is_ok()) return true;
  const HistoryFile& file = parsed.value();
  const Result<HistoryFile> again =
      read_history_json(write_history_json(file.config, file.ops), "again");
  return again.is_ok() && again.value() == file;
}

bool trace_json_one(std::span<const uint8_t> bytes) {
  const Result<ReplicaTrace> parsed = read_trace_json(as_text(bytes), "fuzz-input");
  if (!parsed.is_ok()) return true;
  const Result<ReplicaTrace> again = read_trace_json(write_trace_json(parsed.value()), "again");
  return again.is_ok() && again.value() == parsed.value();
}

bool config_json_one(std::span<const uint8_t> bytes) {
  const Result<Json> json = parse_json(as_text(bytes));
  if (!json.is_ok()) return true;
  const Result<Config> parsed = config_from_json(json.value(), "config");
  if (!parsed.is_ok()) return true;
  (void)parsed.value().validate();  // must not crash on any parsed config
  const Result<Config> again = config_from_json(config_to_json(parsed.value()), "config");
  return again.is_ok() && again.value() == parsed.value();
}

}  // namespace dt
