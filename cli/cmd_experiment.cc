// `experiment NAME`: run one of the quantitative experiments over seeds and
// write its table, results.csv/json, SVG plots and optionally an HTML page
// (docs/experiments.md). `experiment --list` names them with their
// parameters.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/files.h"
#include "experiments/catalog.h"
#include "experiments/output.h"
#include "experiments/results_reader.h"
#include "experiments/run.h"

namespace dt {

namespace {

struct ExperimentFlags {
  std::string name;
  std::vector<std::string> params;
  uint32_t seeds = 5;
  uint64_t first_seed = 1;
  uint32_t jobs = 1;
  std::string out_dir;  // empty: experiment-out/NAME
  bool html = false;
  bool json = false;
  bool list = false;
  bool quiet = false;
  std::string replot_dir;  // redraw from DIR/results.json instead of running
};

std::string list_text() {
  std::string out;
  for (const ExperimentSpec& spec : all_experiments()) {
    out += fmt::format("{}\n  {}\n", spec.name, spec.question);
    for (const ParamSpec& p : spec.params) {
      out += fmt::format("    --param {}={}  ({}) {}\n", p.name, p.default_text,
                         to_string(p.kind), p.help);
    }
  }
  return out;
}

Status write_files(const std::string& dir, const std::vector<OutputFile>& files) {
  if (Status s = make_directory(dir); !s.is_ok()) return s;
  for (const OutputFile& file : files) {
    const std::string path = (std::filesystem::path(dir) / file.name).string();
    if (Status s = write_text_file(path, file.text); !s.is_ok()) return s;
  }
  return Status::ok();
}

int fail(const std::string& message) {
  std::fprintf(stderr, "dynamo-testbed experiment: %s\n", message.c_str());
  return kExitBadInput;
}

// The result saved in DIR/results.json, checked to belong to `spec`.
Result<ExperimentResult> load_result(const ExperimentSpec& spec, const std::string& dir) {
  const std::string path = (std::filesystem::path(dir) / "results.json").string();
  const Result<std::string> text = read_text_file(path);
  if (!text.is_ok()) return text.status();
  const Result<Json> json = parse_json(text.value());
  if (!json.is_ok()) return Status::error(path + ": " + json.error());
  Result<ExperimentResult> result = results_from_json(json.value());
  if (!result.is_ok()) return Status::error(path + ": " + result.error());
  if (result.value().name != spec.name) {
    return Status::error(path + ": holds experiment \"" + result.value().name + "\", not \"" +
                         spec.name + "\"");
  }
  return result;
}

// Runs the experiment, or with --replot loads its saved result (and takes its
// parameters from there).
Result<ExperimentResult> obtain_result(const ExperimentFlags& flags, const ExperimentSpec& spec,
                                       std::optional<Params>& params) {
  if (!flags.replot_dir.empty()) {
    if (!flags.params.empty()) {
      return Status::error("--param: not with --replot (the parameters come from results.json)");
    }
    Result<ExperimentResult> saved = load_result(spec, flags.replot_dir);
    if (!saved.is_ok()) return saved;
    Result<Params> parsed = parse_params(spec.params, param_assignments(saved.value()));
    if (!parsed.is_ok()) return Status::error(flags.replot_dir + "/results.json: " + parsed.error());
    params = std::move(parsed).value();
    return saved;
  }
  Result<Params> parsed = parse_params(spec.params, flags.params);
  if (!parsed.is_ok()) return parsed.status();
  params = std::move(parsed).value();
  ExperimentSettings settings{flags.seeds, flags.first_seed, flags.jobs, nullptr};
  if (!flags.quiet) {
    settings.progress = [](size_t done, size_t total) {
      std::fprintf(stderr, "\rexperiment: %zu/%zu runs", done, total);
      if (done == total) std::fprintf(stderr, "\n");
    };
  }
  return run_experiment(spec, *params, settings);
}

int run_experiment_command(const ExperimentFlags& flags) {
  if (flags.list) {
    std::printf("%s", list_text().c_str());
    return kExitOk;
  }
  if (flags.name.empty()) return fail("NAME: missing (see experiment --list)");
  const ExperimentSpec* spec = find_experiment(flags.name);
  if (spec == nullptr) {
    return fail("NAME: unknown experiment \"" + flags.name + "\" (see experiment --list)");
  }
  std::optional<Params> params;
  const Result<ExperimentResult> result = obtain_result(flags, *spec, params);
  if (!result.is_ok()) return fail(result.error());
  const std::string dir = !flags.out_dir.empty()      ? flags.out_dir
                          : !flags.replot_dir.empty() ? flags.replot_dir
                                                      : "experiment-out/" + spec->name;
  const std::vector<OutputFile> files =
      experiment_files(*spec, *params, result.value(), flags.html);
  if (Status s = write_files(dir, files); !s.is_ok()) return fail(s.message());
  if (flags.json) {
    std::printf("%s\n", dump_json(results_json(result.value()), 2).c_str());
    return kExitOk;
  }
  const std::vector<uint64_t>& seeds = result.value().seeds;
  std::printf("%s: %s\nseeds %llu..%llu, 95%% confidence intervals\n\n%s", spec->name.c_str(),
              spec->question.c_str(), static_cast<unsigned long long>(seeds.front()),
              static_cast<unsigned long long>(seeds.back()),
              format_table(result.value(), spec->table_metrics).c_str());
  if (spec->notes) std::printf("\n%s", spec->notes(*params, result.value().points).c_str());
  std::printf("\nwrote %zu files to %s\n", files.size(), dir.c_str());
  return kExitOk;
}

}  // namespace

void add_experiment_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "experiment", "run a quantitative experiment over seeds: table, CSV, JSON, SVG plots");
  auto flags = std::make_shared<ExperimentFlags>();
  cmd->add_option("name", flags->name, "the experiment (see --list)");
  cmd->add_option("--param", flags->params, "k=v: set a parameter (repeatable)");
  cmd->add_option("--seeds", flags->seeds, "number of seeds (runs per point)")
      ->capture_default_str();
  cmd->add_option("--first-seed", flags->first_seed, "the first seed")->capture_default_str();
  cmd->add_option("-j,--jobs", flags->jobs, "worker threads (the result does not depend on it)")
      ->capture_default_str();
  cmd->add_option("-o,--out", flags->out_dir, "output directory (default experiment-out/NAME)");
  cmd->add_flag("--html", flags->html, "also write index.html with the table and plots");
  cmd->add_flag("--json", flags->json, "print results.json instead of the table");
  cmd->add_flag("--list", flags->list, "list the experiments and their parameters");
  cmd->add_flag("-q,--quiet", flags->quiet, "no progress on stderr");
  cmd->add_option("--replot", flags->replot_dir,
                  "redraw table, plots and page from DIR/results.json without running");
  cmd->callback([&exit_code, flags] { exit_code = run_experiment_command(*flags); });
}

}  // namespace dt
