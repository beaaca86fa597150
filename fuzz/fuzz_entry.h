// What each libFuzzer target does with one input, as plain functions so that
// tests can feed the seed corpora through them without libFuzzer. The
// fuzz_*.cc files wrap these in LLVMFuzzerTestOneInput.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/node.h"
#include "core/schedule.h"

namespace dt {

// Caps that keep one differential execution short.
inline constexpr uint32_t kFuzzMaxOps = 16;
inline constexpr TimeNs kFuzzMaxDurationNs = 1 * kSecondNs;

// How much of a decoded schedule one execution runs.
struct FuzzBudget {
  uint32_t max_ops = kFuzzMaxOps;
  TimeNs max_duration_ns = kFuzzMaxDurationNs;
};
// The default: the caps above.
inline constexpr FuzzBudget kFullFuzzBudget{};
// A cheaper execution for a higher exec rate: a few ops in a short safety
// phase, so an input runs a fraction of a full one's events. The liveness
// phase keeps its rounds (the convergence check needs the run to quiesce).
inline constexpr FuzzBudget kQuickFuzzBudget{4, 200 * kMillisecondNs};

// The decoded schedule cut down to the budget: fewer generated ops, a shorter
// safety phase, and no event at or after its end. Still valid.
Schedule bounded_fuzz_schedule(std::span<const uint8_t> bytes,
                               const FuzzBudget& budget = kFullFuzzBudget);

struct DifferentialFailure {
  Schedule schedule;
  std::string description;  // signature, swarm and the check report
};

// bytes -> bounded schedule -> primary and shadow in lockstep -> all checks.
// Empty when nothing failed.
std::optional<DifferentialFailure> differential_one(std::span<const uint8_t> bytes,
                                                    NodeFactory primary, NodeFactory shadow,
                                                    const FuzzBudget& budget = kFullFuzzBudget);

// The parser targets: parse the bytes; what parses must survive a
// write-and-read round trip unchanged. They return false when the round trip
// changed something (a bug); parse errors are fine and return true.
bool schedule_json_one(std::span<const uint8_t> bytes);
bool history_json_one(std::span<const uint8_t> bytes);
bool trace_json_one(std::span<const uint8_t> bytes);
bool config_json_one(std::span<const uint8_t> bytes);

}  // namespace dt
