// What "the same failure" means while minimizing: the property and violation
// kind of a promised violation, or a model/impl divergence.
#pragma once

#include <optional>
#include <string>

#include "checks/verdict.h"
#include "sim/runner.h"

namespace dt {

inline constexpr const char* kDivergenceSignature = "divergence";

struct FailureSignature {
  std::string property;  // "durability", ... or "divergence"
  std::string kind;      // "lost_write", ... or "divergence"

  bool is_divergence() const { return property == kDivergenceSignature; }
  // "durability/lost_write" or "divergence".
  std::string describe() const;
  friend bool operator==(const FailureSignature&, const FailureSignature&) = default;
  friend auto operator<=>(const FailureSignature&, const FailureSignature&) = default;
};

// The run's first failure: a divergence wins (the run stopped there, so the
// checks saw a cut-off run); else the first promised violation in verdict order.
std::optional<FailureSignature> first_failure(const RunResult& run, const CheckReport& report);

// True when the run shows `signature` anywhere (not necessarily first).
bool shows_failure(const RunResult& run, const CheckReport& report,
                   const FailureSignature& signature);

// Promised violations over all verdicts.
size_t promised_violation_count(const CheckReport& report);

}  // namespace dt
