// `report DIR [-o FILE]`: the self-contained HTML page of a run directory, a
// campaign failure directory, a campaign output directory or an explore output
// directory (docs/report.md).
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/report_dir.h"

namespace dt {

int write_html_report(const std::string& command, const std::string& dir,
                      const std::string& out_path) {
  if (Status s = write_report_html(dir, out_path); !s.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed %s: %s\n", command.c_str(), s.message().c_str());
    return kExitBadInput;
  }
  return kExitOk;
}

void add_report_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "report",
      "write one self-contained HTML page for a run, failure, campaign or explore directory");
  auto dir = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("DIR", *dir,
                  "run dir (run/replay --out), failure-<seed>/, campaign --out or explore --out")
      ->required();
  cmd->add_option("-o,--out", *out, "the HTML file to write (default DIR/report.html)");
  cmd->callback([&exit_code, dir, out] {
    exit_code = write_html_report("report", *dir, *out);
    if (exit_code == kExitOk) {
      std::printf("wrote %s\n", out->empty() ? (*dir + "/report.html").c_str() : out->c_str());
    }
  });
}

}  // namespace dt
