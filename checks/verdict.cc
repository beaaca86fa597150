#include "checks/verdict.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/assert.h"

namespace dt {

size_t PropertyVerdict::promised_violation_count() const {
  return static_cast<size_t>(std::count_if(violations.begin(), violations.end(),
                                           [](const Violation& v) { return v.promised; }));
}

size_t PropertyVerdict::expected_violation_count() const {
  return violations.size() - promised_violation_count();
}

bool CheckReport::any_promised_violation() const {
  return std::any_of(verdicts.begin(), verdicts.end(), [](const PropertyVerdict& v) {
    return v.promised_violation_count() > 0;
  });
}

const PropertyVerdict& CheckReport::verdict(const std::string& property) const {
  const auto it = std::find_if(verdicts.begin(), verdicts.end(),
                               [&](const PropertyVerdict& v) { return v.property == property; });
  DT_ASSERT(it != verdicts.end(), "no verdict for property " + property);
  DT_ASSERT(it->property == property, "verdict lookup mismatch");
  return *it;
}

namespace {

template <typename T>
std::string join(const std::vector<T>& items) {
  return fmt::format("{}", fmt::join(items, ","));
}

std::string format_witness(const Violation& v) {
  std::string out = fmt::format("  [{}] {}\n", v.promised ? "BUG" : "expected", v.kind);
  if (!v.op_indices.empty()) out += fmt::format("      ops:    {}\n", join(v.op_indices));
  if (!v.keys.empty()) out += fmt::format("      keys:   {}\n", join(v.keys));
  if (!v.nodes.empty()) out += fmt::format("      nodes:  {}\n", join(v.nodes));
  if (!v.writes.empty()) out += fmt::format("      writes: {}\n", join(v.writes));
  if (!v.times.empty()) out += fmt::format("      times:  {} ns\n", join(v.times));
  out += fmt::format("      why:    {}\n", v.explanation);
  return out;
}

}  // namespace

std::string format_report(const CheckReport& report) { return format_report(report, 20); }

std::string format_report(const CheckReport& report, size_t max_per_property) {
  DT_ASSERT(max_per_property > 0, "must print at least one witness per property");
  std::string out = fmt::format("{:<16} | {:<7} | {:<8} | {:>10} | {:>22}\n", "property",
                                "checked", "promised", "violations", "expected-and-explained");
  out += std::string(16, '-') + "-+-" + std::string(7, '-') + "-+-" + std::string(8, '-') +
         "-+-" + std::string(10, '-') + "-+-" + std::string(22, '-') + "\n";
  for (const PropertyVerdict& v : report.verdicts) {
    out += fmt::format("{:<16} | {:<7} | {:<8} | {:>10} | {:>22}\n", v.property,
                       v.checked ? "yes" : "no", v.promised ? "yes" : "no",
                       v.promised_violation_count(), v.expected_violation_count());
  }
  for (const PropertyVerdict& v : report.verdicts) {
    out += fmt::format("\n{}: {}\n", v.property, v.summary);
    size_t shown = 0;
    for (const Violation& violation : v.violations) {
      if (shown == max_per_property) {
        out += fmt::format("  ... {} more\n", v.violations.size() - shown);
        break;
      }
      out += format_witness(violation);
      ++shown;
    }
  }
  DT_ASSERT(!out.empty(), "empty report text");
  return out;
}

nlohmann::json to_json(const Violation& violation) {
  return nlohmann::json{{"promised", violation.promised},
                        {"kind", violation.kind},
                        {"op_indices", violation.op_indices},
                        {"keys", violation.keys},
                        {"nodes", violation.nodes},
                        {"writes", violation.writes},
                        {"times_ns", violation.times},
                        {"explanation", violation.explanation}};
}

nlohmann::json to_json(const PropertyVerdict& verdict) {
  nlohmann::json violations = nlohmann::json::array();
  for (const Violation& v : verdict.violations) violations.push_back(to_json(v));
  return nlohmann::json{{"property", verdict.property},
                        {"checked", verdict.checked},
                        {"promised", verdict.promised},
                        {"promised_violations", verdict.promised_violation_count()},
                        {"expected_violations", verdict.expected_violation_count()},
                        {"summary", verdict.summary},
                        {"violations", std::move(violations)}};
}

nlohmann::json to_json(const CheckReport& report) {
  nlohmann::json verdicts = nlohmann::json::array();
  for (const PropertyVerdict& v : report.verdicts) verdicts.push_back(to_json(v));
  return nlohmann::json{{"any_promised_violation", report.any_promised_violation()},
                        {"verdicts", std::move(verdicts)}};
}

}  // namespace dt
