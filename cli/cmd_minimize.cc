// `minimize FILE`: shrink a failing schedule, keeping its failure signature
// (or an explorer interleaving: cli/minimize_interleaving_file.h).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/execute.h"
#include "cli/exit_codes.h"
#include "cli/files.h"
#include "cli/minimize_interleaving_file.h"
#include "cli/timeline.h"
#include "fuzz/failure_files.h"
#include "fuzz/minimize.h"
#include "fuzz/run_check.h"
#include "explore/interleaving.h"
#include "histories/json_util.h"
#include "histories/schedule_json.h"
#include "impl/bugs.h"
#include "nodes/sides.h"

namespace dt {

namespace {

struct MinimizeFlags {
  std::string file;
  std::string out_dir;
  std::string side = "both";
  uint64_t max_runs = 1500;
};

// Writes the outputs (and a timeline) into the flags' directory.
Status write_all(const MinimizeFlags& f, const Schedule& original, const std::string& header,
                 const FailureSignature& signature, const MinimizeResult& result) {
  if (Status s = write_original_schedule(f.out_dir, original); !s.is_ok()) return s;
  if (Status s = write_minimized_outputs(f.out_dir, header, signature, result); !s.is_ok()) {
    return s;
  }
  const std::string timeline =
      format_timeline(result.verdict.run.history, result.verdict.run.trace);
  return write_text_file((std::filesystem::path(f.out_dir) / "timeline.txt").string(), timeline);
}

int minimize_command(const MinimizeFlags& f) {
  // An explorer counterexample: its own side, shrunk by dropping choices.
  if (Result<std::string> text = read_text_file(f.file);
      text.is_ok() && is_interleaving_json(text.value())) {
    return minimize_interleaving_file(f.file, text.value(), f.out_dir, f.max_runs);
  }
  const Result<Schedule> schedule = load_schedule_file(f.file);
  const Result<Side> side = parse_side(f.side);
  if (schedule.is_ok()) {
    const Status names = validate_bug_names(schedule.value().inject, f.file + ": inject");
    if (!names.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed minimize: %s\n", names.message().c_str());
      return kExitBadInput;
    }
  }
  if (!schedule.is_ok() || !side.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed minimize: %s\n",
                 (schedule.is_ok() ? side.error() : schedule.error()).c_str());
    return kExitBadInput;
  }
  const SideFactories factories = factories_for(side.value());
  const RunVerdict first = run_and_check(schedule.value(), factories.primary, factories.shadow);
  if (!first.failed()) {
    std::printf("%s: does not fail (no promised violation, no divergence); nothing to minimize\n",
                f.file.c_str());
    return kExitOk;
  }
  MinimizeOptions options;
  options.primary = factories.primary;
  options.shadow = factories.shadow;
  options.max_runs = f.max_runs;
  const MinimizeResult result = minimize_schedule(schedule.value(), *first.failure, options);
  const std::string header =
      fmt::format("schedule:    {}\nseed:        {}\n", f.file, schedule.value().seed);
  if (f.out_dir.empty()) {
    std::printf("%s", write_schedule_json(result.schedule).c_str());
    std::fprintf(stderr, "%s", failure_report_text(header, *first.failure, result).c_str());
    return kExitViolation;
  }
  if (Status s = write_all(f, schedule.value(), header, *first.failure, result); !s.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed minimize: %s\n", s.message().c_str());
    return kExitBadInput;
  }
  const MinimizeStats& m = result.stats;
  std::printf("failure:     %s\n", first.failure->describe().c_str());
  std::printf("minimized:   %zu -> %zu events, %u -> %u ops in %llu runs%s\n", m.events_before,
              m.events_after, m.ops_before, m.ops_after, static_cast<unsigned long long>(m.runs),
              m.budget_exhausted ? " (budget spent)" : "");
  std::printf(
      "outputs:     %s (original.json, minimized.json, history.json, trace.json, "
      "report.txt, timeline.txt)\n",
      f.out_dir.c_str());
  std::printf("replay:      dynamo-testbed replay %s/minimized.json\n", f.out_dir.c_str());
  return kExitViolation;
}

}  // namespace

void add_minimize_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("minimize", "shrink a failing schedule, keeping how it fails");
  auto flags = std::make_shared<MinimizeFlags>();
  cmd->add_option("SCHEDULE", flags->file, "schedule or interleaving JSON file")->required();
  cmd->add_option("-o,--out", flags->out_dir,
                  "write original.json, minimized.json, history.json, trace.json, report.txt, "
                  "timeline.txt here (default: print the minimized schedule)");
  cmd->add_option("--side", flags->side, "model, impl, or both in lockstep")->capture_default_str();
  cmd->add_option("--max-runs", flags->max_runs, "candidate runs at most")->capture_default_str();
  cmd->callback([&exit_code, flags] { exit_code = minimize_command(*flags); });
}

}  // namespace dt
