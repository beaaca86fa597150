// Which failure a run shows, and when a candidate run counts as the same failure.
#include "fuzz/failure_signature.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

Violation violation(bool promised, const char* kind) {
  Violation v;
  v.promised = promised;
  v.kind = kind;
  return v;
}

CheckReport report_with(std::vector<PropertyVerdict> verdicts) {
  CheckReport r;
  r.verdicts = std::move(verdicts);
  return r;
}

PropertyVerdict verdict(const char* property, std::vector<Violation> violations) {
  PropertyVerdict v;
  v.property = property;
  v.checked = true;
  v.promised = true;
  v.violations = std::move(violations);
  return v;
}

TEST(FailureSignature, NoneWithoutPromisedViolationsOrDivergence) {
  const RunResult run;
  const CheckReport report = report_with({verdict("quorum_overlap", {violation(false, "x")})});
  EXPECT_FALSE(first_failure(run, report).has_value());
  EXPECT_EQ(promised_violation_count(report), 0u);
}

TEST(FailureSignature, FirstPromisedViolationInVerdictOrder) {
  const RunResult run;
  const CheckReport report =
      report_with({verdict("quorum_overlap", {violation(false, "stale_read_fallback")}),
                   verdict("durability", {violation(true, "lost_write"), violation(true, "other")}),
                   verdict("causality", {violation(true, "dependency_cycle")})});
  const auto failure = first_failure(run, report);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->describe(), "durability/lost_write");
  EXPECT_EQ(promised_violation_count(report), 3u);
  EXPECT_TRUE(shows_failure(run, report, {"causality", "dependency_cycle"}));
  EXPECT_FALSE(shows_failure(run, report, {"quorum_overlap", "stale_read_fallback"}));
  EXPECT_FALSE(shows_failure(run, report, {"durability", "dependency_cycle"}));
}

TEST(FailureSignature, DivergenceWinsAndHidesTheCutOffVerdicts) {
  RunResult run;
  run.divergence = Divergence{};
  const CheckReport report = report_with({verdict("durability", {violation(true, "lost_write")})});
  const auto failure = first_failure(run, report);
  ASSERT_TRUE(failure.has_value());
  EXPECT_TRUE(failure->is_divergence());
  EXPECT_EQ(failure->describe(), "divergence");
  EXPECT_TRUE(shows_failure(run, report, *failure));
  EXPECT_FALSE(shows_failure(run, report, {"durability", "lost_write"}));
  EXPECT_FALSE(shows_failure(RunResult{}, report, *failure));
}

}  // namespace
}  // namespace dt
