// `run` (draw a schedule from a seed) and `replay` (read one from a file).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/execute.h"
#include "cli/exit_codes.h"
#include "cli/files.h"
#include "cli/timeline.h"
#include "core/schedule_validate.h"
#include "explore/interleaving.h"
#include "fuzz/schedule_decoder.h"
#include "histories/json_util.h"
#include "histories/schedule_json.h"
#include "impl/bugs.h"

namespace dt {

namespace {

struct OutputFlags {
  std::string side = "both";
  std::string out_dir;
  bool json = false;
  bool digest_only = false;
  bool timeline = false;
  bool html = false;
};

void add_output_flags(CLI::App& cmd, OutputFlags& f) {
  cmd.add_option("--side", f.side, "model, impl, or both in lockstep (refinement check)")
      ->capture_default_str();
  cmd.add_option("--out", f.out_dir, "write schedule.json, history.json, trace.json, report.txt");
  cmd.add_flag("--json", f.json, "print a machine-readable summary");
  cmd.add_flag("--digest-only", f.digest_only, "print only the run digest");
  cmd.add_flag("--timeline", f.timeline, "print the history and trace as one timeline");
  cmd.add_flag("--html", f.html, "also write report.html (docs/report.md) into the --out directory");
}

// Prints and writes an execution as the flags say; returns the exit code.
int report_execution(const Schedule& schedule, const Execution& e, const OutputFlags& f,
                     const std::string& header) {
  if (f.html && f.out_dir.empty()) {
    std::fprintf(stderr, "dynamo-testbed: --html: needs --out DIR (the page is DIR/report.html)\n");
    return kExitBadInput;
  }
  if (!f.out_dir.empty()) {
    if (Status s = write_outputs(f.out_dir, schedule, e); !s.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed: %s\n", s.message().c_str());
      return kExitBadInput;
    }
  }
  if (f.html) {
    if (int code = write_html_report("--html", f.out_dir, ""); code != kExitOk) return code;
  }
  if (f.digest_only) {
    std::printf("%s\n", digest_hex(e.run.digest).c_str());
  } else if (f.json) {
    std::printf("%s\n", summary_json(schedule, e).dump(2).c_str());
  } else {
    if (f.timeline) std::printf("%s\n", format_timeline(e.run.history, e.run.trace).c_str());
    std::printf("%s%s", header.c_str(), summary_text(schedule, e).c_str());
    if (!f.out_dir.empty()) std::printf("outputs:     %s\n", f.out_dir.c_str());
    if (f.html) std::printf("html report: %s/report.html\n", f.out_dir.c_str());
  }
  return e.exit_code();
}

// Runs, prints and writes as the flags say; returns the exit code.
int run_and_report(const Schedule& schedule, const OutputFlags& f, const std::string& header) {
  const Result<Side> side = parse_side(f.side);
  if (!side.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed: %s\n", side.error().c_str());
    return kExitBadInput;
  }
  return report_execution(schedule, execute(schedule, side.value()), f, header);
}

// `replay` of an explorer counterexample (explore/interleaving.h): the same
// choices on the same nodes, so the same history, trace and digest. The
// file's side is used (--side does not apply).
int replay_interleaving_file(const std::string& file, const std::string& text,
                             const OutputFlags& f) {
  const Result<Interleaving> in = read_interleaving_json(text, file);
  Result<ExploreSetup> setup = in.is_ok() ? setup_of(in.value()) : Result<ExploreSetup>(in.status());
  Result<PathVerdict> verdict =
      setup.is_ok() ? replay_interleaving(setup.value(), in.value().choices)
                    : Result<PathVerdict>(setup.status());
  if (!verdict.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed replay: %s: %s\n", file.c_str(), verdict.error().c_str());
    return kExitBadInput;
  }
  PathVerdict& v = verdict.value();
  Schedule shown;  // what the summary prints: the explored config and workload
  shown.seed = 0;
  shown.config = in.value().config;
  shown.workload.clients = in.value().bounds.clients;
  shown.workload.keys = in.value().bounds.keys;
  shown.workload.ops = in.value().bounds.clients * in.value().bounds.ops_per_client;
  shown.inject = in.value().inject;
  Execution e;
  e.run.history = std::move(v.history);
  e.run.trace = std::move(v.trace);
  e.run.digest = v.digest;
  e.run.divergence = v.divergence;
  e.report = std::move(v.report);
  const std::string header =
      fmt::format("interleaving: {} ({} choices, side {}; explored digest {})\n", file,
                  in.value().choices.size(), in.value().side, in.value().digest);
  return report_execution(shown, e, f, header);
}

struct ConfigOverrides {
  std::optional<uint32_t> nodes, n, r, w, partitions_q;
  std::optional<std::string> quorum_mode, hint_store, versioning, probe_scope;
  std::vector<std::string> inject;
};

Status apply_overrides(const ConfigOverrides& o, Schedule& s) {
  if (o.nodes) s.config.nodes = *o.nodes;
  if (o.n) s.config.replicas_n = *o.n;
  if (o.r) s.config.read_quorum_r = *o.r;
  if (o.w) s.config.write_quorum_w = *o.w;
  if (o.partitions_q) s.config.partitions_q = *o.partitions_q;
  if (o.probe_scope) {
    auto m = parse_probe_scope(*o.probe_scope);
    if (!m.is_ok()) return Status::error("--probe-scope: " + m.error());
    s.config.probe_scope = m.value();
  }
  if (o.quorum_mode) {
    auto m = parse_quorum_mode(*o.quorum_mode);
    if (!m.is_ok()) return Status::error("--quorum-mode: " + m.error());
    s.config.quorum_mode = m.value();
  }
  if (o.hint_store) {
    auto m = parse_hint_store_mode(*o.hint_store);
    if (!m.is_ok()) return Status::error("--hint-store: " + m.error());
    s.config.hint_store = m.value();
  }
  if (o.versioning) {
    auto m = parse_versioning(*o.versioning);
    if (!m.is_ok()) return Status::error("--versioning: " + m.error());
    s.config.versioning = m.value();
  }
  if (Status bad = validate_bug_names(o.inject, "--inject"); !bad.is_ok()) return bad;
  for (const std::string& bug : o.inject) s.inject.push_back(bug);
  std::sort(s.inject.begin(), s.inject.end());
  s.inject.erase(std::unique(s.inject.begin(), s.inject.end()), s.inject.end());
  // Overrides can make a drawn schedule invalid (e.g. a node id beyond
  // --nodes): say so rather than clamp.
  return validate_schedule(s);
}

void add_override_flags(CLI::App& cmd, ConfigOverrides& o) {
  cmd.add_option("--nodes", o.nodes, "override config.nodes");
  cmd.add_option("-N,--replicas", o.n, "override config.replicas_n");
  cmd.add_option("-R,--read-quorum", o.r, "override config.read_quorum_r");
  cmd.add_option("-W,--write-quorum", o.w, "override config.write_quorum_w");
  cmd.add_option("-Q,--partitions-q", o.partitions_q,
                 "override config.partitions_q (at least --nodes)");
  cmd.add_option("--probe-scope", o.probe_scope,
                 "all|neighbors (neighbors: ring neighbours and suspected nodes only)");
  cmd.add_option("--quorum-mode", o.quorum_mode, "sloppy|strict");
  cmd.add_option("--hint-store", o.hint_store, "durable|volatile");
  cmd.add_option("--versioning", o.versioning, "vclock|lww");
  cmd.add_option("--inject", o.inject, "switch on a bug-zoo bug in the impl (repeatable)");
}

}  // namespace

void add_run_commands(CLI::App& app, int& exit_code) {
  auto* run = app.add_subcommand("run", "draw a schedule from a seed, run it and check it");
  auto seed = std::make_shared<uint64_t>(1);
  auto draw = std::make_shared<std::string>("small");
  auto save = std::make_shared<std::string>();
  auto flags = std::make_shared<OutputFlags>();
  auto overrides = std::make_shared<ConfigOverrides>();
  run->add_option("--seed", *seed, "the seed the schedule is drawn from")->capture_default_str();
  run->add_option("--draw", *draw, "small|large|huge: the sizes the seed draws (as campaign --draw)")
      ->capture_default_str();
  run->add_option("--save-schedule", *save, "write the drawn schedule to this file");
  add_output_flags(*run, *flags);
  add_override_flags(*run, *overrides);
  run->callback([&exit_code, seed, draw, save, flags, overrides] {
    const std::optional<DrawScale> scale = parse_draw_scale(*draw);
    if (!scale) {
      std::fprintf(stderr, "dynamo-testbed run: --draw: \"%s\" is not small, large or huge\n",
                   draw->c_str());
      exit_code = kExitBadInput;
      return;
    }
    DecodedSchedule drawn = draw_schedule(*seed, *scale);
    if (Status s = apply_overrides(*overrides, drawn.schedule); !s.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed run: %s\n", s.message().c_str());
      exit_code = kExitBadInput;
      return;
    }
    if (!save->empty()) {
      if (Status s = write_text_file(*save, write_schedule_json(drawn.schedule)); !s.is_ok()) {
        std::fprintf(stderr, "dynamo-testbed run: %s\n", s.message().c_str());
        exit_code = kExitBadInput;
        return;
      }
    }
    exit_code = run_and_report(drawn.schedule, *flags,
                               fmt::format("swarm:       {}\n", drawn.swarm.describe()));
  });

  auto* replay = app.add_subcommand("replay", "reproduce a run exactly from a schedule file");
  auto file = std::make_shared<std::string>();
  auto replay_flags = std::make_shared<OutputFlags>();
  replay->add_option("SCHEDULE", *file, "schedule JSON file")->required();
  add_output_flags(*replay, *replay_flags);
  replay->callback([&exit_code, file, replay_flags] {
    if (Result<std::string> text = read_text_file(*file);
        text.is_ok() && is_interleaving_json(text.value())) {
      exit_code = replay_interleaving_file(*file, text.value(), *replay_flags);
      return;
    }
    const Result<Schedule> schedule = load_schedule_file(*file);
    const Status names =
        schedule.is_ok() ? validate_bug_names(schedule.value().inject, *file + ": inject")
                         : schedule.status();
    if (!names.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed replay: %s\n", names.message().c_str());
      exit_code = kExitBadInput;
      return;
    }
    exit_code = run_and_report(schedule.value(), *replay_flags,
                               fmt::format("schedule:    {}\n", *file));
  });
}

}  // namespace dt
