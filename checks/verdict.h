// A checker's answer: per property whether it was checked, whether the config
// promises it, and every violation found with its witnesses and an explanation.
// A violation is promised (a bug) or expected (the config does not promise the
// property here and the trace explains why it happened).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/types.h"

namespace dt {

struct Violation {
  bool promised = false;  // true = a bug; false = expected and explained
  std::string kind;       // e.g. "stale_read", "lost_write"
  std::vector<uint64_t> op_indices;  // history indices (HistoryOp::index)
  std::vector<Key> keys;
  std::vector<NodeId> nodes;
  std::vector<WriteId> writes;
  std::vector<TimeNs> times;
  std::string explanation;  // one paragraph a person can follow

  friend bool operator==(const Violation&, const Violation&) = default;
};

struct PropertyVerdict {
  std::string property;   // "quorum_overlap", "durability", ...
  bool checked = false;   // false: the input lacked what the checker needs (see summary)
  bool promised = false;  // the config promises this property
  std::vector<Violation> violations;
  std::string summary;    // one line: what was examined, counts

  size_t promised_violation_count() const;
  size_t expected_violation_count() const;
  friend bool operator==(const PropertyVerdict&, const PropertyVerdict&) = default;
};

struct CheckReport {
  std::vector<PropertyVerdict> verdicts;

  bool any_promised_violation() const;
  // REQUIRES: a verdict named `property` exists.
  const PropertyVerdict& verdict(const std::string& property) const;
  friend bool operator==(const CheckReport&, const CheckReport&) = default;
};

// The table (property | checked | promised | violations | expected-and-explained)
// followed by every violation's witnesses and explanation.
std::string format_report(const CheckReport& report);
// At most `max_per_property` witnesses are printed per property; the counts stay exact.
std::string format_report(const CheckReport& report, size_t max_per_property);

nlohmann::json to_json(const Violation& violation);
nlohmann::json to_json(const PropertyVerdict& verdict);
nlohmann::json to_json(const CheckReport& report);

}  // namespace dt
