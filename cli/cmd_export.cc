// `export HISTORY.json --format F -o OUT`: histories for Elle and
// linearizability checkers (docs/exports.md).
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/files.h"
#include "histories/export.h"
#include "histories/history_json.h"

namespace dt {

namespace {

struct ExportFlags {
  std::string history_file;
  std::string format;
  std::string out_file;
  std::optional<Key> key;
};

int run_export(const ExportFlags& f) {
  const auto format = parse_export_format(f.format);
  if (!format.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed export: --format: %s\n", format.error().c_str());
    return kExitBadInput;
  }
  const Result<HistoryFile> history = load_history_file(f.history_file);
  if (!history.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed export: %s\n", history.error().c_str());
    return kExitBadInput;
  }
  ExportOptions options;
  options.key = f.key;
  const Result<ExportOutput> exported =
      export_history(history.value().ops, format.value(), options);
  if (!exported.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed export: %s: %s\n", f.history_file.c_str(),
                 exported.error().c_str());
    return kExitBadInput;
  }
  // What the format could not express is said, never silently dropped.
  for (const std::string& note : exported.value().notes) {
    std::fprintf(stderr, "note: %s\n", note.c_str());
  }
  const std::string& text = exported.value().text;
  if (f.out_file.empty() || f.out_file == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  if (Status s = write_text_file(f.out_file, text); !s.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed export: %s\n", s.message().c_str());
    return kExitBadInput;
  }
  std::fprintf(stderr, "wrote %s (%s)\n", f.out_file.c_str(), f.format.c_str());
  return kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "convert a history for Elle, Knossos or Porcupine");
  auto flags = std::make_shared<ExportFlags>();
  std::string formats;
  for (const std::string& name : export_format_names()) {
    formats += (formats.empty() ? "" : ", ") + name;
  }
  cmd->add_option("HISTORY", flags->history_file, "history JSON")->required();
  cmd->add_option("--format", flags->format, "one of: " + formats)->required();
  cmd->add_option("-o,--out", flags->out_file, "output file (default: stdout)");
  cmd->add_option("--key", flags->key,
                  "the key to export (elle-set-full, knossos-register; default: the only one)");
  cmd->callback([&exit_code, flags] { exit_code = run_export(*flags); });
}

}  // namespace dt
