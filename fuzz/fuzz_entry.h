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

// The decoded schedule cut down to the caps: fewer generated ops, a shorter
// safety phase, and no event at or after its end. Still valid.
Schedule bounded_fuzz_schedule(std::span<const uint8_t> bytes);

struct DifferentialFailure {
  Schedule schedule;
  std::string description;  // signature, swarm and the check report
};

// bytes -> bounded schedule -> primary and shadow in lockstep -> all checks.
// Empty when nothing failed.
std::optional<DifferentialFailure> differential_one(std::span<const uint8_t> bytes,
                                                    NodeFactory primary, NodeFactory shadow);

// The parser targets: parse the bytes; what parses must survive a
// write-and-read round trip unchanged. They return false when the round trip
// changed something (a bug); parse errors are fine and return true.
bool schedule_json_one(std::span<const uint8_t> bytes);
bool history_json_one(std::span<const uint8_t> bytes);
bool trace_json_one(std::span<const uint8_t> bytes);
bool config_json_one(std::span<const uint8_t> bytes);

}  // namespace dt
