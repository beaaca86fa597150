#include "fuzz/failure_signature.h"

#include "core/assert.h"

namespace dt {

std::string FailureSignature::describe() const {
  DT_ASSERT(!property.empty(), "a failure signature names a property");
  if (is_divergence()) return kDivergenceSignature;
  return property + "/" + kind;
}

std::optional<FailureSignature> first_failure(const RunResult& run, const CheckReport& report) {
  if (run.divergence.has_value()) {
    return FailureSignature{kDivergenceSignature, kDivergenceSignature};
  }
  for (const PropertyVerdict& verdict : report.verdicts) {
    for (const Violation& v : verdict.violations) {
      DT_ASSERT(!v.kind.empty(), "a violation names its kind");
      if (v.promised) return FailureSignature{verdict.property, v.kind};
    }
  }
  return std::nullopt;
}

bool shows_failure(const RunResult& run, const CheckReport& report,
                   const FailureSignature& signature) {
  DT_ASSERT(!signature.property.empty(), "a failure signature names a property");
  if (signature.is_divergence()) return run.divergence.has_value();
  // A divergence cuts the run short: its verdicts do not stand for the schedule.
  if (run.divergence.has_value()) return false;
  for (const PropertyVerdict& verdict : report.verdicts) {
    if (verdict.property != signature.property) continue;
    for (const Violation& v : verdict.violations) {
      if (v.promised && v.kind == signature.kind) return true;
    }
  }
  return false;
}

size_t promised_violation_count(const CheckReport& report) {
  size_t count = 0;
  for (const PropertyVerdict& verdict : report.verdicts) {
    count += verdict.promised_violation_count();
  }
  DT_ASSERT(count == 0 || report.any_promised_violation(), "counts agree with the report");
  return count;
}

}  // namespace dt
