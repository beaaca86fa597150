// Each sub-command registers itself on the app; its callback stores the exit
// code in `exit_code`.
#pragma once

#include <string>

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
void add_report_command(CLI::App& app, int& exit_code);     // report

// Writes DIR's HTML page (report/report_dir.h) to `out_path` (empty: DIR/report.html);
// prints the error and returns the exit code (2 on bad input). `command` names the caller.
int write_html_report(const std::string& command, const std::string& dir,
                      const std::string& out_path);
void add_explore_command(CLI::App& app, int& exit_code);    // explore
void add_experiment_command(CLI::App& app, int& exit_code); // experiment

}  // namespace dt
