#include "checks/check_all.h"

#include "checks/availability.h"
#include "checks/causality.h"
#include "checks/check_context.h"
#include "checks/convergence.h"
#include "checks/durability.h"
#include "checks/handoff_hygiene.h"
#include "checks/integrity.h"
#include "checks/mechanisms.h"
#include "checks/quorum_overlap.h"
#include "checks/trace_completeness.h"
#include "core/assert.h"

namespace dt {

namespace {

PropertyVerdict left_out(const char* property) {
  PropertyVerdict verdict;
  verdict.property = property;
  verdict.summary = "not checked: left out of this check (CheckSelection)";
  return verdict;
}

}  // namespace

CheckReport check_all(const CheckInput& input, const CheckSelection& selection) {
  CheckReport report;
  Result<CheckContext> ctx = build_check_context(input);
  const char* properties[] = {kQuorumOverlap, kDurability, kConvergence,
                              kAvailability,  kCausality,  kHandoffHygiene,
                              kIntegrity,     kTraceCompleteness, kMechanisms};
  if (!ctx.is_ok()) {
    for (const char* property : properties) {
      report.verdicts.push_back(malformed_history_verdict(property, ctx.error()));
    }
    return report;
  }
  const CheckContext& context = ctx.value();
  report.verdicts.push_back(check_quorum_overlap(context));
  report.verdicts.push_back(check_durability(context));
  report.verdicts.push_back(check_convergence(context));
  report.verdicts.push_back(selection.availability ? check_availability(context)
                                                   : left_out(kAvailability));
  report.verdicts.push_back(check_causality(context));
  report.verdicts.push_back(check_handoff_hygiene(context));
  report.verdicts.push_back(check_integrity(context));
  report.verdicts.push_back(check_trace_completeness(context));
  report.verdicts.push_back(check_mechanisms(context));
  DT_ASSERT(report.verdicts.size() == std::size(properties), "one verdict per property");
  for (size_t i = 0; i < report.verdicts.size(); ++i) {
    DT_ASSERT(report.verdicts[i].property == properties[i], "verdicts out of order");
  }
  return report;
}

}  // namespace dt
