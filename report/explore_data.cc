#include "report/explore_data.h"

#include "checks/check_all.h"
#include "report/dir_files.h"
#include "report/history_and_trace.h"
#include "report/run_data.h"

namespace dt {

namespace {

// "0,1|2,3" -> {{0, 1}, {2, 3}}.
Result<std::vector<std::vector<NodeId>>> parse_groups(const std::string& text) {
  std::vector<std::vector<NodeId>> groups(1);
  std::string number;
  auto flush = [&]() -> Status {
    if (number.empty()) return Status::error("empty node id in \"" + text + "\"");
    if (number.size() > 9) return Status::error("node id too large in \"" + text + "\"");
    groups.back().push_back(static_cast<NodeId>(std::stoul(number)));
    number.clear();
    return Status::ok();
  };
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      number += c;
    } else if (c == ',' || c == '|') {
      if (Status s = flush(); !s.is_ok()) return s;
      if (c == '|') groups.emplace_back();
    } else {
      return Status::error(std::string("unexpected '") + c + "' in \"" + text + "\"");
    }
  }
  if (Status s = flush(); !s.is_ok()) return s;
  return groups;
}

Status check_count(const Json& summary, const char* name) {
  if (!summary.contains(name)) return Status::error(std::string(name) + ": missing");
  uint64_t value = 0;
  return read_u64(summary[name], name, value);
}

Status check_bool(const Json& summary, const char* name) {
  if (!summary.contains(name)) return Status::error(std::string(name) + ": missing");
  if (!summary[name].is_boolean()) {
    return Status::error(std::string(name) + ": expected a boolean, got " +
                         type_name(summary[name]));
  }
  return Status::ok();
}

Status check_strings(const Json& value, const std::string& path) {
  size_t n = 0;
  if (Status s = expect_array(value, path, n); !s.is_ok()) return s;
  for (size_t i = 0; i < n; ++i) {
    if (!value[i].is_string()) {
      return Status::error(element_path(path, i) + ": expected a string, got " +
                           type_name(value[i]));
    }
  }
  return Status::ok();
}

Status check_summary_fields(const Json& summary) {
  if (!summary.is_object()) return Status::error("expected an object, got " + type_name(summary));
  for (const char* name : {"states", "transitions", "max_depth", "histories_checked"}) {
    if (Status s = check_count(summary, name); !s.is_ok()) return s;
  }
  for (const char* name : {"verified", "exhaustive"}) {
    if (Status s = check_bool(summary, name); !s.is_ok()) return s;
  }
  if (!summary.contains("bounds_hit")) return Status::error("bounds_hit: missing");
  if (Status s = check_strings(summary["bounds_hit"], "bounds_hit"); !s.is_ok()) return s;
  if (summary.contains("choice_kinds") && !summary["choice_kinds"].is_object()) {
    return Status::error("choice_kinds: expected an object, got " +
                         type_name(summary["choice_kinds"]));
  }
  if (!summary.contains("violation")) return Status::error("violation: missing");
  const Json& violation = summary["violation"];
  if (violation.is_null()) return Status::ok();
  if (!violation.is_object()) {
    return Status::error("violation: expected an object or null, got " + type_name(violation));
  }
  if (!violation.contains("choices")) return Status::error("violation.choices: missing");
  return check_strings(violation["choices"], "violation.choices");
}

// The counterexample path as a run: its history and trace, the explored
// faults as schedule events, checked afresh (explore writes no report.json).
Result<RunFiles> load_counterexample(const std::string& dir) {
  RunFiles files;
  files.kind = "explore";
  if (Status s = load_history_and_trace(dir, "", files); !s.is_ok()) return s;
  const std::string trace_path = in_dir(dir, "trace.json");
  Result<std::vector<ScheduleEvent>> faults = explored_fault_events(files.trace);
  if (!faults.is_ok()) return in_file(trace_path, faults.status());
  files.schedule.events = std::move(faults).value();
  files.report = check_all(CheckInput{files.schedule.config, files.history, files.trace});
  files.title = "explore " + dir;
  return files;
}

}  // namespace

Result<std::vector<ScheduleEvent>> explored_fault_events(const ReplicaTrace& trace) {
  std::vector<ScheduleEvent> events;
  for (size_t i = 0; i < trace.records.size(); ++i) {
    const TraceRecord& r = trace.records[i];
    ScheduleEvent e;
    e.at_ns = r.time_ns;
    e.node = r.node;
    switch (r.kind) {
      case TraceKind::crashed: e.kind = EventKind::crash; break;
      case TraceKind::wiped: e.kind = EventKind::wipe; break;
      case TraceKind::restarted: e.kind = EventKind::restart; break;
      case TraceKind::paused: e.kind = EventKind::pause; break;
      case TraceKind::resumed: e.kind = EventKind::resume; break;
      case TraceKind::healed: e.kind = EventKind::heal; break;
      case TraceKind::partitioned: {
        e.kind = EventKind::partition;
        Result<std::vector<std::vector<NodeId>>> groups = parse_groups(r.detail);
        if (!groups.is_ok()) {
          return Status::error(element_path("records", i) + ".detail: " + groups.error());
        }
        e.groups = std::move(groups).value();
        break;
      }
      default: continue;
    }
    events.push_back(std::move(e));
  }
  return events;
}

Status check_explore_summary(const Json& summary, const std::string& summary_file) {
  Status s = check_summary_fields(summary);
  return s.is_ok() ? s : in_file(summary_file, s);
}

Result<Json> explore_page_data(const std::string& dir) {
  const std::string summary_path = in_dir(dir, "summary.json");
  Result<std::string> text = read_text_file(summary_path);
  if (!text.is_ok()) return text.status();
  Result<Json> summary = parse_json(text.value());
  if (!summary.is_ok()) return in_file(summary_path, summary.status());
  if (Status s = check_explore_summary(summary.value(), summary_path); !s.is_ok()) return s;
  Json data = Json::object();
  const bool has_path = has_file(dir, "history.json") && has_file(dir, "trace.json");
  if (!summary.value()["violation"].is_null() && has_path) {
    Result<RunFiles> files = load_counterexample(dir);
    if (!files.is_ok()) return files.status();
    data = run_page_data(files.value());
  }
  data["kind"] = "explore";
  data["title"] = "explore " + dir;
  data["explore"] = std::move(summary).value();
  return data;
}

}  // namespace dt
