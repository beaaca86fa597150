// dynamo-testbed: run, replay, check and export Dynamo-style replication runs.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/huge_pages.h"

int main(int argc, char** argv) {
  dt::prefer_huge_pages();
  CLI::App app{"dynamo-testbed: a deterministic correctness testbed for Dynamo-style stores"};
  app.footer(dt::kExitCodeHelp);
  app.require_subcommand(1);
  int exit_code = dt::kExitOk;
  dt::add_run_commands(app, exit_code);
  dt::add_schedule_command(app, exit_code);
  dt::add_check_command(app, exit_code);
  dt::add_export_command(app, exit_code);
  dt::add_scenario_command(app, exit_code);
  dt::add_campaign_command(app, exit_code);
  dt::add_minimize_command(app, exit_code);
  dt::add_bench_command(app, exit_code);
  dt::add_report_command(app, exit_code);
  dt::add_explore_command(app, exit_code);
  dt::add_experiment_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return dt::kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dynamo-testbed: internal error: %s\n", e.what());
    return dt::kExitInternal;
  }
  return exit_code;
}
