#include "report/campaign_data.h"

#include <filesystem>

namespace dt {

namespace {

namespace fs = std::filesystem;

Status check_counts(const Json& report) {
  for (const char* name : {"runs", "failed_runs", "promised_violations", "divergences"}) {
    uint64_t value = 0;
    if (!report.contains(name)) return Status::error(std::string(name) + ": missing");
    if (Status s = read_u64(report[name], name, value); !s.is_ok()) return s;
  }
  for (const char* name : {"coverage", "profiles"}) {
    if (!report.contains(name)) return Status::error(std::string(name) + ": missing");
    if (!report[name].is_object()) {
      return Status::error(std::string(name) + ": expected an object, got " +
                           type_name(report[name]));
    }
    for (const auto& [mark, count] : report[name].items()) {
      uint64_t value = 0;
      if (Status s = read_u64(count, std::string(name) + "." + mark, value); !s.is_ok()) return s;
    }
  }
  return Status::ok();
}

// progress (optional: older reports lack it): [[seconds, runs, failed], ...].
Status check_progress(const Json& report) {
  if (!report.contains("progress")) return Status::ok();
  size_t samples = 0;
  if (Status s = expect_array(report["progress"], "progress", samples); !s.is_ok()) return s;
  for (size_t i = 0; i < samples; ++i) {
    const Json& sample = report["progress"][i];
    const std::string path = element_path("progress", i);
    if (!sample.is_array() || sample.size() != 3) {
      return Status::error(path + ": expected [seconds, runs, failed_runs], got " +
                           sample.dump());
    }
    if (!sample[0].is_number() || sample[0].get<double>() < 0) {
      return Status::error(path + "[0]: expected seconds >= 0, got " + sample[0].dump());
    }
    uint64_t count = 0;
    if (Status s = read_u64(sample[1], path + "[1]", count); !s.is_ok()) return s;
    if (Status s = read_u64(sample[2], path + "[2]", count); !s.is_ok()) return s;
  }
  return Status::ok();
}

Status check_failure(const Json& f, const std::string& path) {
  if (!f.is_object()) return Status::error(path + ": expected an object, got " + type_name(f));
  uint64_t seed = 0;
  if (!f.contains("seed")) return Status::error(path + ".seed: missing");
  if (Status s = read_u64(f["seed"], path + ".seed", seed); !s.is_ok()) return s;
  std::string text;
  if (!f.contains("signature")) return Status::error(path + ".signature: missing");
  if (Status s = read_string(f["signature"], path + ".signature", text); !s.is_ok()) return s;
  if (f.contains("dir") && !f["dir"].is_null()) {
    if (Status s = read_string(f["dir"], path + ".dir", text); !s.is_ok()) return s;
  }
  return Status::ok();
}

// The failure's directory as found under the campaign directory (the report
// records it as the campaign saw it, relative to its own working directory).
std::string local_failure_dir(const std::string& dir, const Json& failure) {
  if (!failure.contains("dir") || !failure["dir"].is_string()) return "";
  const fs::path name = fs::path(failure["dir"].get<std::string>()).filename();
  if (name.empty()) return "";
  const fs::path local = fs::path(dir) / name;
  std::error_code error;
  return fs::exists(local / "history.json", error) ? local.string() : "";
}

}  // namespace

Result<Json> campaign_page_data(const std::string& dir, const Json& report,
                                const std::string& report_file) {
  if (!report.is_object()) {
    return Status::error(report_file + ": expected an object, got " + type_name(report));
  }
  if (Status s = check_counts(report); !s.is_ok()) return in_file(report_file, s);
  if (Status s = check_progress(report); !s.is_ok()) return in_file(report_file, s);
  size_t failures = 0;
  if (!report.contains("failures")) return Status::error(report_file + ": failures: missing");
  if (Status s = expect_array(report["failures"], "failures", failures); !s.is_ok()) {
    return in_file(report_file, s);
  }
  Json links = Json::array();
  for (size_t i = 0; i < failures; ++i) {
    const Json& f = report["failures"][i];
    if (Status s = check_failure(f, element_path("failures", i)); !s.is_ok()) {
      return in_file(report_file, s);
    }
    const std::string local = local_failure_dir(dir, f);
    links.push_back(local.empty() ? Json(nullptr)
                                  : Json(fs::path(local).filename().string() + "/report.html"));
  }
  return Json{{"kind", "campaign"}, {"title", "campaign " + dir}, {"campaign", report},
              {"failure_pages", links}};
}

std::vector<std::string> campaign_failure_dirs(const std::string& dir, const Json& report) {
  std::vector<std::string> out;
  if (!report.is_object() || !report.contains("failures") || !report["failures"].is_array()) {
    return out;
  }
  for (const Json& f : report["failures"]) {
    if (std::string local = local_failure_dir(dir, f); !local.empty()) out.push_back(local);
  }
  return out;
}

}  // namespace dt
