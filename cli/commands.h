// Each sub-command registers itself on the app; its callback stores the exit
// code in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace dt {

void add_run_commands(CLI::App& app, int& exit_code);       // run, replay
void add_schedule_command(CLI::App& app, int& exit_code);   // schedule validate|print|--from-fuzz-input
void add_check_command(CLI::App& app, int& exit_code);      // check
void add_export_command(CLI::App& app, int& exit_code);     // export
void add_scenario_command(CLI::App& app, int& exit_code);   // scenario
void add_campaign_command(CLI::App& app, int& exit_code);   // campaign
void add_minimize_command(CLI::App& app, int& exit_code);   // minimize
void add_bench_command(CLI::App& app, int& exit_code);      // bench
void add_explore_command(CLI::App& app, int& exit_code);    // explore

}  // namespace dt
