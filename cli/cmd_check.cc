// `check HISTORY.json --trace TRACE.json [--json]`: all property checkers on a
// recorded run.
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/check_all.h"
#include "checks/verdict.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "histories/history_json.h"
#include "histories/trace_json.h"

namespace dt {

namespace {

struct CheckFlags {
  std::string history_file;
  std::string trace_file;
  bool json = false;
};

int run_check(const CheckFlags& f) {
  const Result<HistoryFile> history = load_history_file(f.history_file);
  if (!history.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed check: %s\n", history.error().c_str());
    return kExitBadInput;
  }
  ReplicaTrace trace;  // without a trace, trace-based properties report "not checked"
  if (!f.trace_file.empty()) {
    Result<ReplicaTrace> loaded = load_trace_file(f.trace_file);
    if (!loaded.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed check: %s\n", loaded.error().c_str());
      return kExitBadInput;
    }
    trace = std::move(loaded).value();
  }
  const CheckReport report =
      check_all(CheckInput{history.value().config, history.value().ops, trace});
  if (f.json) {
    std::printf("%s\n", to_json(report).dump(2).c_str());
  } else {
    std::printf("%s", format_report(report).c_str());
  }
  return report.any_promised_violation() ? kExitViolation : kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("check", "run every property checker on a recorded run");
  auto flags = std::make_shared<CheckFlags>();
  cmd->add_option("HISTORY", flags->history_file, "history JSON")->required();
  cmd->add_option("--trace", flags->trace_file, "replica trace JSON (needed by most checkers)");
  cmd->add_flag("--json", flags->json, "machine-readable verdicts");
  cmd->callback([&exit_code, flags] { exit_code = run_check(*flags); });
}

}  // namespace dt
