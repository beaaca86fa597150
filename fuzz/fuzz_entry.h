// What each libFuzzer target does with one input, as plain functions so that
// tests can feed the seed corpora through them without libFuzzer. The
// fuzz_*.cc files wrap these in LLVMFuzzerTestOneInput.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/node.h"
#include "core/schedule.h"

namespace dt {

// Caps that keep one differential execution short.
inline constexpr uint32_t kFuzzMaxOps = 16;
inline constexpr TimeNs kFuzzMaxDurationNs = 1 * kSecondNs;

// How much of a decoded schedule one execution runs, and how often it
// compares the model's and the impl's abstract states.
struct FuzzBudget {
  uint32_t max_ops = kFuzzMaxOps;
  TimeNs max_duration_ns = kFuzzMaxDurationNs;
  // RunOptions::state_check_interval: 1 compares states after every event.
  uint32_t state_check_interval = 1;

  friend bool operator==(const FuzzBudget&, const FuzzBudget&) = default;
};
// The default: the caps above.
inline constexpr FuzzBudget kFullFuzzBudget{};
// A cheaper execution for a higher exec rate: a few ops in a short safety
// phase, so an input runs a fraction of a full one's events. The liveness
// phase keeps its rounds (the convergence check needs the run to quiesce).
inline constexpr FuzzBudget kQuickFuzzBudget{4, 200 * kMillisecondNs};
// The quick caps, and model and impl states compared every kFastStateCheckInterval
// events (and at the end) instead of after every event; effects are still
// compared after every event. A failure is re-run with states compared after
// every event, so what it reports is what a replay reports. What it gives up:
// a state difference that shows in no effect and heals before the next check.
inline constexpr uint32_t kFastStateCheckInterval = 256;
inline constexpr FuzzBudget kFastFuzzBudget{
    kQuickFuzzBudget.max_ops, kQuickFuzzBudget.max_duration_ns, kFastStateCheckInterval};

// The budget fuzz_differential runs: DT_FUZZ_FAST=1 in the environment gives
// kFastFuzzBudget, else DT_FUZZ_QUICK=1 gives kQuickFuzzBudget, else the full one.
FuzzBudget fuzz_budget_from_env();
// "full", "quick", "fast", or "custom" for any other budget.
const char* fuzz_budget_name(const FuzzBudget& budget);

// The decoded schedule cut down to the budget: fewer generated ops, a shorter
// safety phase, and no event at or after its end. Still valid.
Schedule bounded_fuzz_schedule(std::span<const uint8_t> bytes,
                               const FuzzBudget& budget = kFullFuzzBudget);

struct DifferentialFailure {
  Schedule schedule;
  std::string description;  // signature, swarm and the check report
};

// bytes -> bounded schedule -> primary and shadow in lockstep -> all checks.
// Empty when nothing failed. A reported failure (divergence, description) is
// the one the same schedule gives with states compared after every event.
// `inject`: bug-zoo names (sorted, unique) put into the schedule, so the
// failure's schedule carries them.
std::optional<DifferentialFailure> differential_one(std::span<const uint8_t> bytes,
                                                    NodeFactory primary, NodeFactory shadow,
                                                    const FuzzBudget& budget = kFullFuzzBudget,
                                                    const std::vector<std::string>& inject = {});

// The parser targets: parse the bytes; what parses must survive a
// write-and-read round trip unchanged. They return false when the round trip
// changed something (a bug); parse errors are fine and return true.
bool schedule_json_one(std::span<const uint8_t> bytes);
bool history_json_one(std::span<const uint8_t> bytes);
bool trace_json_one(std::span<const uint8_t> bytes);
bool config_json_one(std::span<const uint8_t> bytes);

}  // namespace dt
