// `campaign`: draw schedules from seeds, run and check them, minimize failures
// (docs/campaigns.md).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/execute.h"
#include "cli/exit_codes.h"
#include "cli/files.h"
#include "cli/timeline.h"
#include "core/schedule_validate.h"
#include "fuzz/campaign.h"
#include "fuzz/campaign_report.h"
#include "fuzz/run_check.h"
#include "histories/schedule_json.h"
#include "impl/bugs.h"
#include "nodes/sides.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

constexpr double kDefaultSeconds = 60;

struct CampaignFlags {
  uint64_t seed = 1;
  std::optional<uint64_t> runs;
  std::optional<double> seconds;
  uint32_t jobs = 1;
  std::string shard = "0/1";
  std::string draw = "small";
  std::vector<std::string> inject;
  bool stop_on_failure = false;
  bool keep_going = false;
  std::string out_dir = "campaign-out";
  std::string side;  // empty: impl alone with --inject (the checkers must catch it), else both
  uint64_t minimize_runs = 1500;
  bool json = false;
  bool quiet = false;
  bool html = false;
  bool digest_only = false;
};

// "k/n" with 0 <= k < n.
Status parse_shard(const std::string& text, CampaignOptions& options) {
  const size_t slash = text.find('/');
  const std::string error = "--shard: \"" + text + "\" is not k/n with 0 <= k < n";
  if (slash == std::string::npos) return Status::error(error);
  try {
    size_t used_k = 0, used_n = 0;
    const unsigned long k = std::stoul(text.substr(0, slash), &used_k);
    const unsigned long n = std::stoul(text.substr(slash + 1), &used_n);
    if (used_k != slash || used_n != text.size() - slash - 1 || n == 0 || k >= n ||
        n > UINT32_MAX) {
      return Status::error(error);
    }
    options.shard_index = static_cast<uint32_t>(k);
    options.shard_count = static_cast<uint32_t>(n);
  } catch (const std::exception&) {
    return Status::error(error);
  }
  return Status::ok();
}

// The flags as campaign options; errors name the flag.
Result<CampaignOptions> to_options(const CampaignFlags& f) {
  CampaignOptions o;
  o.seed_start = f.seed;
  if (Status s = parse_shard(f.shard, o); !s.is_ok()) return s;
  if (f.jobs < 1 || f.jobs > 256) return Status::error("--jobs: must be in 1..256");
  o.jobs = f.jobs;
  const std::optional<DrawScale> draw = parse_draw_scale(f.draw);
  if (!draw) return Status::error("--draw: \"" + f.draw + "\" is not small, large or huge");
  o.draw = *draw;
  if (f.runs && *f.runs == 0) return Status::error("--runs: must be at least 1");
  if (f.seconds && !(*f.seconds > 0)) return Status::error("--seconds: must be more than 0");
  o.max_runs = f.runs;
  o.max_seconds = f.seconds;
  if (!f.runs && !f.seconds) o.max_seconds = kDefaultSeconds;
  if (f.stop_on_failure && f.keep_going) {
    return Status::error("--stop-on-failure and --keep-going exclude each other");
  }
  o.on_failure = f.stop_on_failure ? OnFailure::stop
                 : f.keep_going    ? OnFailure::keep_going
                                   : OnFailure::minimize_and_stop;
  if (Status s = validate_bug_names(f.inject, "--inject"); !s.is_ok()) return s;
  o.inject = f.inject;
  // The inject names must be valid bug names: check them on a drawn schedule.
  if (Status s = validate_schedule(campaign_schedule(f.seed, f.inject).schedule); !s.is_ok()) {
    return Status::error("--inject: " + s.message());
  }
  const Result<Side> side = parse_side(!f.side.empty() ? f.side
                                       : f.inject.empty() ? "both"
                                                          : "impl");
  if (!side.is_ok()) return side.status();
  const SideFactories factories = factories_for(side.value());
  o.primary = factories.primary;
  o.shadow = factories.shadow;
  o.out_dir = f.out_dir;
  o.minimize_max_runs = f.minimize_runs;
  return o;
}

void add_campaign_flags(CLI::App& cmd, CampaignFlags& f) {
  cmd.add_option("--seed", f.seed, "first seed; run i of shard k/n uses seed + i*n + k")
      ->capture_default_str();
  cmd.add_option("--runs", f.runs, "stop after this many runs");
  cmd.add_option("--seconds", f.seconds, "stop after this many seconds (default 60 if no --runs)");
  cmd.add_option("-j,--jobs", f.jobs, "worker threads (the result does not depend on it)")
      ->capture_default_str();
  cmd.add_option("--shard", f.shard, "run shard k of n (k/n, 0 <= k < n)")->capture_default_str();
  cmd.add_option("--draw", f.draw,
                 "small|large|huge: cluster and workload sizes drawn (large: 7-40 nodes, <= 600 ops; huge: 65-128 nodes)")
      ->capture_default_str();
  cmd.add_option("--inject", f.inject, "switch on a bug-zoo bug in the impl (repeatable)");
  cmd.add_flag("--stop-on-failure", f.stop_on_failure,
               "stop at the first failure without minimizing it");
  cmd.add_flag("--keep-going", f.keep_going,
               "run on after failures; minimize the first of each failure signature");
  cmd.add_option("-o,--out", f.out_dir, "directory for failure-<seed>/ outputs")
      ->capture_default_str();
  cmd.add_option("--side", f.side,
                 "model, impl, or both in lockstep (default: impl with --inject, else both)");
  cmd.add_option("--minimize-runs", f.minimize_runs, "candidate runs per minimization at most")
      ->capture_default_str();
  cmd.add_flag("--json", f.json, "print the report as JSON");
  cmd.add_flag("-q,--quiet", f.quiet, "no progress lines on stderr");
  cmd.add_flag("--digest-only", f.digest_only,
               "print only the campaign digest (the runs' digests in seed order)");
  cmd.add_flag("--html", f.html,
               "at the end, write report.html for the campaign and each failure (docs/report.md)");
}

// A timeline of each minimized failure beside its report (the fuzz library
// cannot use the CLI's timeline, so it is added here by replaying the file).
void write_timelines(const CampaignResult& result, const CampaignOptions& options) {
  for (const CampaignFailure& f : result.failures) {
    if (!f.minimized || f.dir.empty() || !f.write_error.empty()) continue;
    const std::filesystem::path dir(f.dir);
    const Result<Schedule> minimized = load_schedule_file((dir / "minimized.json").string());
    if (!minimized.is_ok()) continue;  // the report already names the files
    const RunVerdict verdict = run_and_check(minimized.value(), options.primary, options.shadow);
    const std::string timeline = format_timeline(verdict.run.history, verdict.run.trace);
    if (Status s = write_text_file((dir / "timeline.txt").string(), timeline); !s.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed campaign: %s\n", s.message().c_str());
    }
  }
}

void write_reports(const std::string& dir, const std::string& text, const std::string& json) {
  Status s = make_directory(dir);
  const std::filesystem::path out(dir);
  if (s.is_ok()) s = write_text_file((out / "report.txt").string(), text);
  if (s.is_ok()) s = write_text_file((out / "report.json").string(), json);
  if (!s.is_ok()) std::fprintf(stderr, "dynamo-testbed campaign: %s\n", s.message().c_str());
}

int run_campaign_command(const CampaignFlags& flags) {
  if (flags.html && flags.out_dir.empty()) {
    std::fprintf(stderr, "dynamo-testbed campaign: --html: needs --out DIR\n");
    return kExitBadInput;
  }
  Result<CampaignOptions> options = to_options(flags);
  if (!options.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed campaign: %s\n", options.error().c_str());
    return kExitBadInput;
  }
  if (!flags.quiet) {
    options.value().on_progress = [](const CampaignProgress& p) {
      for (const FoundFailure& f : p.new_failures) {
        std::fprintf(stderr, "%s\n", format_found_failure(f).c_str());
      }
      std::fprintf(stderr, "%s\n", format_progress(p).c_str());
    };
  }
  const CampaignResult result = run_campaign(options.value());
  write_timelines(result, options.value());
  const std::string text = format_campaign_report(options.value(), result);
  const std::string json = campaign_report_json(options.value(), result).dump(2) + "\n";
  // Both reports also land in the output directory, readable and machine-readable.
  if (!options.value().out_dir.empty()) write_reports(options.value().out_dir, text, json);
  if (flags.digest_only) {
    std::printf("%s\n", digest_hex(result.runs_digest).c_str());
  } else {
    std::printf("%s", flags.json ? json.c_str() : text.c_str());
  }
  // Pages are built once, at the end: never per run, so they cannot slow the campaign.
  if (flags.html) {
    const std::string& dir = options.value().out_dir;
    if (write_html_report("campaign --html", dir, "") != kExitOk) return kExitBadInput;
    if (!flags.json) std::printf("html report: %s/report.html\n", dir.c_str());
  }
  return result.exit_code() == 0 ? kExitOk : kExitViolation;
}

}  // namespace

void add_campaign_command(CLI::App& app, int& exit_code) {
  auto* cmd =
      app.add_subcommand("campaign", "fuzz: run schedules drawn from seeds, minimize failures");
  auto flags = std::make_shared<CampaignFlags>();
  add_campaign_flags(*cmd, *flags);
  cmd->callback([&exit_code, flags] { exit_code = run_campaign_command(*flags); });
}

}  // namespace dt
