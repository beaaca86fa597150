#include "report/report_dir.h"

#include <filesystem>
#include <fstream>

#include "checks/check_all.h"
#include "histories/schedule_json.h"
#include "report/campaign_data.h"
#include "report/dir_files.h"
#include "report/explore_data.h"
#include "report/history_and_trace.h"
#include "report/html_page.h"
#include "report/verdict_json.h"

namespace dt {

namespace {

namespace fs = std::filesystem;

Status write_page(const std::string& path, const std::string& html) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error(path + ": cannot open for writing");
  out << html;
  out.close();
  if (!out) return Status::error(path + ": write failed");
  return Status::ok();
}

Result<std::optional<Json>> load_divergence(const std::string& dir) {
  if (!has_file(dir, "divergence.json")) return std::optional<Json>();
  const std::string path = in_dir(dir, "divergence.json");
  Result<std::string> text = read_text_file(path);
  if (!text.is_ok()) return text.status();
  Result<Json> j = parse_json(text.value());
  if (!j.is_ok()) return in_file(path, j.status());
  ObjectReader r(j.value(), "");
  uint64_t index = 0, time_ns = 0;
  std::string event;
  r.read("event_index", index, Need::required);
  r.read("time_ns", time_ns, Need::required);
  r.read("event", event, Need::required);
  r.field("node", Need::required);
  if (const Json* d = r.field("differences", Need::required); d != nullptr && !d->is_array()) {
    r.fail(Status::error("differences: expected an array, got " + type_name(*d)));
  }
  if (Status s = r.finish("of a divergence"); !s.is_ok()) return in_file(path, s);
  return std::optional<Json>(std::move(j).value());
}

Result<CheckReport> load_or_check(const std::string& dir, const RunFiles& files) {
  if (has_file(dir, "report.json")) return load_check_report_file(in_dir(dir, "report.json"));
  return check_all(CheckInput{files.schedule.config, files.history, files.trace});
}

Result<std::string> campaign_html(const std::string& dir) {
  const std::string path = in_dir(dir, "report.json");
  Result<std::string> text = read_text_file(path);
  if (!text.is_ok()) return text.status();
  Result<Json> report = parse_json(text.value());
  if (!report.is_ok()) return in_file(path, report.status());
  Result<Json> data = campaign_page_data(dir, report.value(), path);
  if (!data.is_ok()) return data.status();
  return render_page("dynamo-testbed campaign " + dir, data.value());
}

}  // namespace

const char* to_string(ReportDirKind kind) {
  switch (kind) {
    case ReportDirKind::run: return "run";
    case ReportDirKind::failure: return "failure";
    case ReportDirKind::campaign: return "campaign";
    case ReportDirKind::explore: return "explore";
  }
  return "?";
}

Result<ReportDirKind> report_dir_kind(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) return Status::error(dir + ": not a directory");
  if (has_file(dir, "summary.json")) return ReportDirKind::explore;
  if (has_file(dir, "history.json")) {
    if (has_file(dir, "minimized.json")) return ReportDirKind::failure;
    if (has_file(dir, "schedule.json")) return ReportDirKind::run;
    return Status::error(dir + ": has history.json but no schedule.json or minimized.json");
  }
  if (has_file(dir, "report.json")) return ReportDirKind::campaign;
  return Status::error(dir + ": not a run, failure, campaign or explore directory "
                       "(no history.json, no report.json, no summary.json)");
}

Result<RunFiles> load_run_dir(const std::string& dir) {
  Result<ReportDirKind> kind = report_dir_kind(dir);
  if (!kind.is_ok()) return kind.status();
  if (kind.value() == ReportDirKind::campaign) return Status::error(dir + ": a campaign directory");
  if (kind.value() == ReportDirKind::explore) return Status::error(dir + ": an explore directory");
  RunFiles files;
  const bool failure = kind.value() == ReportDirKind::failure;
  files.kind = failure ? "failure" : "run";
  const std::string schedule_path = in_dir(dir, failure ? "minimized.json" : "schedule.json");
  Result<Schedule> schedule = load_schedule_file(schedule_path);
  if (!schedule.is_ok()) return schedule.status();
  files.schedule = std::move(schedule).value();
  if (Status s = load_history_and_trace(dir, schedule_path, files); !s.is_ok()) return s;
  Result<CheckReport> report = load_or_check(dir, files);
  if (!report.is_ok()) return report.status();
  files.report = std::move(report).value();
  if (Status s = check_witnesses(files, in_dir(dir, "report.json")); !s.is_ok()) return s;
  Result<std::optional<Json>> divergence = load_divergence(dir);
  if (!divergence.is_ok()) return divergence.status();
  files.divergence = std::move(divergence).value();
  if (has_file(dir, "report.txt")) {
    if (Result<std::string> t = read_text_file(in_dir(dir, "report.txt")); t.is_ok()) {
      files.report_text = t.value();
    }
  }
  files.title = std::string(failure ? "failure " : "run ") + dir;
  return files;
}

Result<std::string> report_html(const std::string& dir) {
  Result<ReportDirKind> kind = report_dir_kind(dir);
  if (!kind.is_ok()) return kind.status();
  if (kind.value() == ReportDirKind::campaign) return campaign_html(dir);
  if (kind.value() == ReportDirKind::explore) {
    Result<Json> data = explore_page_data(dir);
    if (!data.is_ok()) return data.status();
    return render_page("dynamo-testbed explore " + dir, data.value());
  }
  Result<RunFiles> files = load_run_dir(dir);
  if (!files.is_ok()) return files.status();
  return render_page("dynamo-testbed " + files.value().title, run_page_data(files.value()));
}

Status write_report_html(const std::string& dir, const std::string& out_path) {
  Result<ReportDirKind> kind = report_dir_kind(dir);
  if (!kind.is_ok()) return kind.status();
  if (kind.value() == ReportDirKind::campaign) {
    const std::string path = in_dir(dir, "report.json");
    Result<std::string> text = read_text_file(path);
    if (!text.is_ok()) return text.status();
    Result<Json> report = parse_json(text.value());
    if (!report.is_ok()) return in_file(path, report.status());
    for (const std::string& failure : campaign_failure_dirs(dir, report.value())) {
      if (Status s = write_report_html(failure, ""); !s.is_ok()) return s;
    }
  }
  Result<std::string> html = report_html(dir);
  if (!html.is_ok()) return html.status();
  return write_page(out_path.empty() ? in_dir(dir, "report.html") : out_path, html.value());
}

}  // namespace dt
