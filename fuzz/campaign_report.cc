#include "fuzz/campaign_report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/assert.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

std::string failure_text(const CampaignFailure& f) {
  std::string out =
      fmt::format("  seed {} (run {}), swarm {}: {} ({} promised violation(s))\n", f.seed,
                  f.run_index, f.swarm.describe(), f.signature.describe(), f.promised_violations);
  if (f.same_signature_runs > 1) {
    out += fmt::format("    {} run(s) failed this way; later seeds: {}\n", f.same_signature_runs,
                       fmt::join(f.later_seeds, ", "));
  }
  if (f.minimized) {
    const MinimizeStats& m = *f.minimized;
    out += fmt::format("    minimized: {} -> {} events, {} -> {} ops in {} runs{}\n",
                       m.events_before, m.events_after, m.ops_before, m.ops_after, m.runs,
                       m.budget_exhausted ? " (budget spent)" : "");
  }
  if (!f.dir.empty()) {
    out += fmt::format("    files:     {}/original.json{}\n", f.dir,
                       f.minimized ? ", minimized.json, history.json, trace.json, report.txt" : "");
    out += fmt::format("    replay:    dynamo-testbed replay {}/{}\n", f.dir,
                       f.minimized ? "minimized.json" : "original.json");
  }
  if (!f.write_error.empty()) out += "    WRITE ERROR: " + f.write_error + "\n";
  return out;
}

std::string coverage_text(const CoverageCounts& coverage) {
  std::string out;
  for (size_t m = 0; m < kCoverageMarkCount; ++m) {
    const char* name = to_string(static_cast<CoverageMark>(m));
    out += fmt::format("  {:<22}{:>12}{}\n", name, coverage[m],
                       coverage[m] == 0 ? "  NOT REACHED" : "");
  }
  return out;
}

}  // namespace

const char* to_string(OnFailure on_failure) {
  switch (on_failure) {
    case OnFailure::stop:
      return "stop";
    case OnFailure::minimize_and_stop:
      return "minimize-and-stop";
    case OnFailure::keep_going:
      return "keep-going";
  }
  return "?";
}

std::string format_campaign_report(const CampaignOptions& options, const CampaignResult& result) {
  DT_ASSERT(result.failures.empty() || result.exit_code() == 1, "failures mean exit 1");
  std::string out;
  out +=
      fmt::format("campaign:    seeds from {} shard {}/{}, draw {}, {} job(s), inject [{}], "
                  "on failure {}\n",
                  options.seed_start, options.shard_index, options.shard_count,
                  to_string(options.draw), options.jobs, fmt::join(options.inject, ","),
                  to_string(options.on_failure));
  out += fmt::format("runs:        {} in {:.1f} s ({:.1f} runs/s), stopped by {}\n", result.runs,
                     result.run_seconds, result.runs_per_second(), result.stopped_by);
  out += fmt::format("wall time:   {:.1f} s ({:.1f} s minimizing)\n",
                     result.run_seconds + result.minimize_seconds, result.minimize_seconds);
  out += fmt::format("failed runs: {} ({} promised violation(s), {} divergence(s))\n",
                     result.failed_runs, result.promised_violations, result.divergences);
  out += fmt::format("digest:      {} (the runs' digests in seed order)\n",
                     digest_hex(result.runs_digest));
  out += result.failures.empty() ? "failures:    none\n" : "failures:\n";
  for (const CampaignFailure& f : result.failures) out += failure_text(f);
  out +=
      fmt::format("coverage:    {}/{} marks reached\n", result.marks_reached(), kCoverageMarkCount);
  out += coverage_text(result.coverage);
  out += "profiles:    runs per swarm dimension\n";
  for (const auto& [dimension, runs] : result.profiles) {
    out += fmt::format("  {:<22}{:>12}\n", dimension, runs);
  }
  out += fmt::format("exit code:   {}\n", result.exit_code());
  return out;
}

nlohmann::json campaign_report_json(const CampaignOptions& options, const CampaignResult& result) {
  nlohmann::json j;
  j["seed_start"] = options.seed_start;
  j["shard"] = {{"index", options.shard_index}, {"count", options.shard_count}};
  j["draw"] = to_string(options.draw);
  j["jobs"] = options.jobs;
  j["inject"] = options.inject;
  j["on_failure"] = to_string(options.on_failure);
  j["runs"] = result.runs;
  j["run_seconds"] = result.run_seconds;
  j["minimize_seconds"] = result.minimize_seconds;
  j["runs_per_second"] = result.runs_per_second();
  j["stopped_by"] = result.stopped_by;
  j["failed_runs"] = result.failed_runs;
  j["promised_violations"] = result.promised_violations;
  j["divergences"] = result.divergences;
  j["runs_digest"] = digest_hex(result.runs_digest);
  // [elapsed seconds, runs finished, failed runs] about once a second: the
  // report page draws runs/s over time from it.
  j["progress"] = nlohmann::json::array();
  for (const ProgressSample& p : result.progress) {
    j["progress"].push_back({p.elapsed_seconds, p.runs, p.failed_runs});
  }
  j["failures"] = nlohmann::json::array();
  for (const CampaignFailure& f : result.failures) {
    nlohmann::json jf = {{"seed", f.seed},
                         {"run_index", f.run_index},
                         {"swarm", f.swarm.describe()},
                         {"property", f.signature.property},
                         {"kind", f.signature.kind},
                         {"signature", f.signature.describe()},
                         {"promised_violations", f.promised_violations},
                         {"same_signature_runs", f.same_signature_runs},
                         {"later_seeds", f.later_seeds},
                         {"dir", f.dir.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.dir)}};
    if (f.minimized) {
      const MinimizeStats& m = *f.minimized;
      jf["minimized"] = {{"events_before", m.events_before},
                         {"events_after", m.events_after},
                         {"ops_before", m.ops_before},
                         {"ops_after", m.ops_after},
                         {"runs", m.runs},
                         {"budget_exhausted", m.budget_exhausted}};
    } else {
      jf["minimized"] = nullptr;
    }
    if (!f.write_error.empty()) jf["write_error"] = f.write_error;
    j["failures"].push_back(std::move(jf));
  }
  nlohmann::json coverage = nlohmann::json::object();
  for (size_t m = 0; m < kCoverageMarkCount; ++m) {
    coverage[to_string(static_cast<CoverageMark>(m))] = result.coverage[m];
  }
  j["coverage"] = std::move(coverage);
  j["marks_reached"] = result.marks_reached();
  j["marks_total"] = kCoverageMarkCount;
  j["profiles"] = result.profiles;
  j["exit_code"] = result.exit_code();
  return j;
}

std::string format_progress(const CampaignProgress& p) {
  const double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.runs) / p.elapsed_seconds : 0;
  return fmt::format("runs {} ({:.1f}/s) failed {} violations {} marks {}/{} {:.0f} s", p.runs,
                     rate, p.failed_runs, p.promised_violations, p.marks_reached,
                     kCoverageMarkCount, p.elapsed_seconds);
}

std::string format_found_failure(const FoundFailure& f) {
  return fmt::format("FAILURE seed {} [{}]: {}", f.seed, f.swarm.describe(),
                     f.signature.describe());
}

}  // namespace dt
