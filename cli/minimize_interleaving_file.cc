#include "cli/minimize_interleaving_file.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "cli/exit_codes.h"
#include "cli/files.h"
#include "cli/timeline.h"
#include "explore/minimize_interleaving.h"
#include "histories/history_json.h"
#include "histories/trace_json.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

Status write_minimized_outputs(const std::string& dir, const std::string& original_text,
                               const Interleaving& minimized, const PathVerdict& verdict) {
  if (Status s = make_directory(dir); !s.is_ok()) return s;
  const std::filesystem::path base(dir);
  const std::pair<const char*, std::string> files[] = {
      {"original.json", original_text},
      {"minimized.json", write_interleaving_json(minimized)},
      {"history.json", write_history_json(minimized.config, verdict.history)},
      {"trace.json", write_trace_json(verdict.trace)},
      {"timeline.txt", format_timeline(verdict.history, verdict.trace)}};
  for (const auto& [name, text] : files) {
    if (Status s = write_text_file((base / name).string(), text); !s.is_ok()) return s;
  }
  return Status::ok();
}

}  // namespace

int minimize_interleaving_file(const std::string& file, const std::string& text,
                               const std::string& out_dir, uint64_t max_replays) {
  const Result<Interleaving> in = read_interleaving_json(text, file);
  const Result<ExploreSetup> setup =
      in.is_ok() ? setup_of(in.value()) : Result<ExploreSetup>(in.status());
  Result<InterleavingMinimizeResult> result =
      setup.is_ok() ? minimize_interleaving(setup.value(), in.value().choices, max_replays)
                    : Result<InterleavingMinimizeResult>(setup.status());
  if (!result.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed minimize: %s: %s\n", file.c_str(), result.error().c_str());
    return kExitBadInput;
  }
  const InterleavingMinimizeResult& r = result.value();
  Interleaving minimized = in.value();
  minimized.choices = r.choices;
  minimized.failure = r.verdict.failure;
  minimized.digest = digest_hex(r.verdict.digest);
  const std::string summary = fmt::format(
      "failure:     {}\nminimized:   {} -> {} choices in {} replays{}\n", r.verdict.failure,
      r.choices_before, r.choices.size(), r.replays, r.budget_exhausted ? " (budget spent)" : "");
  if (out_dir.empty()) {
    std::printf("%s", write_interleaving_json(minimized).c_str());
    std::fprintf(stderr, "%s", summary.c_str());
    return kExitViolation;
  }
  if (Status s = write_minimized_outputs(out_dir, text, minimized, r.verdict); !s.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed minimize: %s\n", s.message().c_str());
    return kExitBadInput;
  }
  std::printf("%s", summary.c_str());
  std::printf(
      "outputs:     %s (original.json, minimized.json, history.json, trace.json, "
      "timeline.txt)\n",
      out_dir.c_str());
  std::printf("replay:      dynamo-testbed replay %s/minimized.json\n", out_dir.c_str());
  return kExitViolation;
}

}  // namespace dt
