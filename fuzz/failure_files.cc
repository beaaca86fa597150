#include "fuzz/failure_files.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "checks/verdict.h"
#include "histories/history_json.h"
#include "histories/schedule_json.h"
#include "histories/trace_json.h"
#include "sim/run_digest.h"
#include "sim/schedule_check.h"

namespace dt {

std::string failure_dir(const std::string& out_dir, uint64_t seed) {
  DT_ASSERT(!out_dir.empty(), "failure_dir needs an output directory");
  const std::string dir =
      (std::filesystem::path(out_dir) / fmt::format("failure-{}", seed)).string();
  DT_ASSERT(dir.size() > out_dir.size(), "the failure directory is inside the output directory");
  return dir;
}

Status write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error(path + ": cannot open for writing");
  out << text;
  out.close();
  if (!out) return Status::error(path + ": write failed");
  return Status::ok();
}

Status write_original_schedule(const std::string& dir, const Schedule& schedule) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::error(dir + ": cannot create directory: " + error.message());
  return write_file((std::filesystem::path(dir) / "original.json").string(),
                    write_schedule_json(schedule));
}

std::string failure_report_text(const std::string& header, const FailureSignature& signature,
                                const MinimizeResult& result) {
  const MinimizeStats& stats = result.stats;
  const RunResult& run = result.verdict.run;
  std::string out = header;
  out += fmt::format("failure:     {}\n", signature.describe());
  out += fmt::format("minimized:   {} -> {} events, {} -> {} generated ops, {} candidate runs{}\n",
                     stats.events_before, stats.events_after, stats.ops_before, stats.ops_after,
                     stats.runs, stats.budget_exhausted ? " (run budget spent)" : "");
  const Workload& w = result.schedule.workload;
  out +=
      fmt::format("workload:    {} ops, {} clients, {} keys, {} ms, final reads {}\n", w.ops,
                  w.clients, w.keys, w.duration_ns / kMillisecondNs, w.final_reads ? "on" : "off");
  out += "events:\n";
  for (const ScheduleEvent& e : result.schedule.events) {
    out += fmt::format("  {:>12} ns  {}\n", e.at_ns, describe(e));
  }
  if (run.divergence) {
    const Divergence& d = *run.divergence;
    out += fmt::format("\nREFINEMENT: model and impl diverged at event {} (t={} ns, node {}): {}\n",
                       d.event_index, d.time_ns, d.node, d.event);
    for (const std::string& line : d.differences) out += "  " + line + "\n";
    out += "\nThe run stopped at the divergence: the checks below judged a cut-off run\n"
           "and their verdicts do not count.\n";
  }
  out += "\n" + format_report(result.verdict.report, 5);
  out += fmt::format("\ndigest: {}\n", digest_hex(run.digest));
  return out;
}

std::string divergence_json_text(const Divergence& d) {
  const nlohmann::json j = {{"event_index", d.event_index}, {"time_ns", d.time_ns},
                            {"node", d.node == kNoNode ? nlohmann::json(nullptr) : nlohmann::json(d.node)},
                            {"event", d.event},               {"differences", d.differences}};
  return j.dump(2) + "\n";
}

Status write_minimized_outputs(const std::string& dir, const std::string& header,
                               const FailureSignature& signature, const MinimizeResult& result) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::error(dir + ": cannot create directory: " + error.message());
  const std::filesystem::path base(dir);
  const Config& config = result.schedule.config;
  const std::pair<const char*, std::string> files[] = {
      {"minimized.json", write_schedule_json(result.schedule)},
      {"history.json", write_history_json(config, result.verdict.run.history)},
      {"trace.json", write_trace_json(result.verdict.run.trace)},
      {"report.txt", failure_report_text(header, signature, result)},
      {"report.json", to_json(result.verdict.report).dump(2) + "\n"},
  };
  for (const auto& [name, text] : files) {
    if (Status s = write_file((base / name).string(), text); !s.is_ok()) return s;
  }
  if (!result.verdict.run.divergence) return Status::ok();
  return write_file((base / "divergence.json").string(),
                    divergence_json_text(*result.verdict.run.divergence));
}

}  // namespace dt
