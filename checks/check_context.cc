#include "checks/check_context.h"

#include <utility>

#include "core/assert.h"

namespace dt {

Result<CheckContext> build_check_context(const CheckInput& input) {
  Status config_status = input.config.validate();
  if (!config_status.is_ok()) return config_status;
  Result<HistoryIndex> index = HistoryIndex::build(input.history);
  if (!index.is_ok()) return index.status();
  WriteFacts writes(index.value(), input.trace);
  TraceFacts trace(input.config, input.trace);
  HomePlacement placement(input.config);
  DT_ASSERT(placement.partitions() == input.config.partitions_q, "placement size");
  DT_ASSERT(index.value().ops().size() <= input.history.size(), "more ops than history entries");
  return CheckContext{input, std::move(index).value(), std::move(writes), std::move(trace),
                      std::move(placement)};
}

PropertyVerdict malformed_history_verdict(const char* property, const std::string& error) {
  DT_ASSERT(property != nullptr, "property name");
  DT_ASSERT(!error.empty(), "an empty error message");
  PropertyVerdict verdict;
  verdict.property = property;
  verdict.checked = false;
  verdict.promised = true;
  verdict.violations.push_back(Violation{true, "malformed_input", {}, {}, {}, {}, {},
                                         "the input cannot be judged: " + error});
  verdict.summary = "not checked: malformed input";
  return verdict;
}

}  // namespace dt
