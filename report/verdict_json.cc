#include "report/verdict_json.h"

#include <limits>

#include "histories/json_util.h"

namespace dt {

namespace {

template <typename T>
Status read_list(ObjectReader& r, const char* name, std::vector<T>& out) {
  const Json* list = r.field(name, Need::required);
  if (list == nullptr) return Status::ok();  // r holds the error
  const std::string path = r.path_of(name);
  size_t size = 0;
  if (Status s = expect_array(*list, path, size); !s.is_ok()) return s;
  for (size_t i = 0; i < size; ++i) {
    uint64_t value = 0;
    if (Status s = read_u64((*list)[i], element_path(path, i), value); !s.is_ok()) return s;
    if (value > std::numeric_limits<T>::max()) {
      return Status::error(element_path(path, i) + ": " + std::to_string(value) + " is out of range");
    }
    out.push_back(static_cast<T>(value));
  }
  return Status::ok();
}

Result<Violation> read_violation(const Json& j, const std::string& path) {
  ObjectReader r(j, path);
  Violation v;
  r.read("promised", v.promised, Need::required);
  r.read("kind", v.kind, Need::required);
  for (Status s : {read_list(r, "op_indices", v.op_indices), read_list(r, "keys", v.keys),
                   read_list(r, "nodes", v.nodes), read_list(r, "writes", v.writes),
                   read_list(r, "times_ns", v.times)}) {
    if (!s.is_ok()) r.fail(s);
  }
  r.read("explanation", v.explanation, Need::required);
  if (Status s = r.finish("of a violation"); !s.is_ok()) return s;
  return v;
}

Result<PropertyVerdict> read_verdict(const Json& j, const std::string& path) {
  ObjectReader r(j, path);
  PropertyVerdict v;
  uint64_t promised_count = 0, expected_count = 0;
  r.read("property", v.property, Need::required);
  r.read("checked", v.checked, Need::required);
  r.read("promised", v.promised, Need::required);
  r.read("promised_violations", promised_count, Need::optional);
  r.read("expected_violations", expected_count, Need::optional);
  r.read("summary", v.summary, Need::required);
  if (const Json* list = r.field("violations", Need::required); list != nullptr) {
    size_t size = 0;
    const std::string list_path = r.path_of("violations");
    if (Status s = expect_array(*list, list_path, size); !s.is_ok()) return s;
    for (size_t i = 0; i < size; ++i) {
      Result<Violation> one = read_violation((*list)[i], element_path(list_path, i));
      if (!one.is_ok()) return one.status();
      v.violations.push_back(std::move(one).value());
    }
  }
  if (Status s = r.finish("of a verdict"); !s.is_ok()) return s;
  return v;
}

}  // namespace

Result<CheckReport> read_check_report_json(std::string_view text, std::string_view file_name) {
  Result<Json> parsed = parse_json(text);
  if (!parsed.is_ok()) return in_file(file_name, parsed.status());
  ObjectReader r(parsed.value(), "");
  bool any_promised = false;
  r.read("any_promised_violation", any_promised, Need::optional);
  CheckReport report;
  if (const Json* list = r.field("verdicts", Need::required); list != nullptr) {
    size_t size = 0;
    if (Status s = expect_array(*list, "verdicts", size); !s.is_ok()) return in_file(file_name, s);
    for (size_t i = 0; i < size; ++i) {
      Result<PropertyVerdict> v = read_verdict((*list)[i], element_path("verdicts", i));
      if (!v.is_ok()) return in_file(file_name, v.status());
      report.verdicts.push_back(std::move(v).value());
    }
  }
  if (Status s = r.finish("of a check report"); !s.is_ok()) return in_file(file_name, s);
  if (any_promised != report.any_promised_violation()) {
    return in_file(file_name, Status::error("any_promised_violation: does not match the verdicts"));
  }
  return report;
}

Result<CheckReport> load_check_report_file(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text.is_ok()) return text.status();
  return read_check_report_json(text.value(), path);
}

}  // namespace dt
