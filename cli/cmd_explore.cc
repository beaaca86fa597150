// `explore [--config FILE | config flags] [bounds] [--side ...] [--inject BUG]
// [--jobs J] [--dfs] [--json] [--out DIR]`: bounded exhaustive exploration
// (explore/). A thin face: flags in, explore() out, files written.
#include <algorithm>
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
#include "explore/interleaving.h"
#include "explore/search.h"
#include "explore/summary.h"
#include "histories/config_json.h"
#include "histories/history_json.h"
#include "histories/schedule_json.h"
#include "histories/trace_json.h"
#include "impl/bugs.h"
#include "nodes/sides.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

struct ExploreFlags {
  std::string config_file;
  std::optional<uint32_t> nodes, n, r, w, q;
  std::optional<std::string> quorum_mode, hint_store, versioning;
  std::string side = "impl";
  std::vector<std::string> inject;
  ExploreBounds bounds;
  std::string op_pattern = "put,get";
  std::string coordinators = "spread";
  uint32_t jobs = 1;
  uint64_t max_memory_mb = 4096;
  double max_seconds = 0;
  std::string timeouts = "any";
  bool dfs = false, compact_frontier = false, sleep_sets = true, no_sleep_sets = false, no_symmetry = false, no_commuting_steps = false, exact_order = false,
       all = false;
  bool json = false, quiet = false, html = false;
  std::string out_dir;
};

// The config: defaults of a small cluster, then --config, then flags.
Result<Config> config_of(const ExploreFlags& f, std::vector<std::string>& inject) {
  Config c;
  c.nodes = 3;
  c.partitions_q = 4;
  if (!f.config_file.empty()) {
    Result<std::string> text = read_text_file(f.config_file);
    if (!text.is_ok()) return text.status();
    Result<Json> doc = parse_json(text.value());
    if (!doc.is_ok()) return in_file(f.config_file, doc.status());
    if (doc.value().is_object() && doc.value().contains("format")) {
      Result<Schedule> s = load_schedule_file(f.config_file);
      if (!s.is_ok()) return s.status();
      c = s.value().config;
      inject.insert(inject.end(), s.value().inject.begin(), s.value().inject.end());
    } else {
      Result<Config> parsed = config_from_json(doc.value(), "config");
      if (!parsed.is_ok()) return in_file(f.config_file, parsed.status());
      c = parsed.value();
    }
  }
  if (f.nodes) c.nodes = *f.nodes;
  if (f.n) c.replicas_n = *f.n;
  if (f.r) c.read_quorum_r = *f.r;
  if (f.w) c.write_quorum_w = *f.w;
  if (f.q) c.partitions_q = *f.q;
  if (f.quorum_mode) {
    auto m = parse_quorum_mode(*f.quorum_mode);
    if (!m.is_ok()) return Status::error("--quorum-mode: " + m.error());
    c.quorum_mode = m.value();
  }
  if (f.hint_store) {
    auto m = parse_hint_store_mode(*f.hint_store);
    if (!m.is_ok()) return Status::error("--hint-store: " + m.error());
    c.hint_store = m.value();
  }
  if (f.versioning) {
    auto m = parse_versioning(*f.versioning);
    if (!m.is_ok()) return Status::error("--versioning: " + m.error());
    c.versioning = m.value();
  }
  if (Status s = c.validate(); !s.is_ok()) return s;
  return c;
}

Status write_counterexample(const std::string& dir, const Interleaving& in,
                            const PathVerdict& verdict, const Config& config) {
  const std::filesystem::path base(dir);
  if (Status s = write_text_file((base / "counterexample.json").string(),
                                 write_interleaving_json(in));
      !s.is_ok()) {
    return s;
  }
  if (Status s = write_text_file((base / "history.json").string(),
                                 write_history_json(config, verdict.history));
      !s.is_ok()) {
    return s;
  }
  return write_text_file((base / "trace.json").string(), write_trace_json(verdict.trace));
}

int explore_command(ExploreFlags f) {
  auto fail = [](const std::string& message) {
    std::fprintf(stderr, "dynamo-testbed explore: %s\n", message.c_str());
    return kExitBadInput;
  };
  if (f.html && f.out_dir.empty()) return fail("--html: needs --out DIR (the page is DIR/report.html)");
  std::vector<std::string> inject = f.inject;
  Result<Config> config = config_of(f, inject);
  if (!config.is_ok()) return fail(config.error());
  std::sort(inject.begin(), inject.end());
  inject.erase(std::unique(inject.begin(), inject.end()), inject.end());
  if (Status s = validate_bug_names(inject, "--inject"); !s.is_ok()) return fail(s.message());
  Result<std::vector<OpFn>> pattern = parse_op_pattern(f.op_pattern);
  if (!pattern.is_ok()) return fail(pattern.error());
  f.bounds.op_pattern = pattern.value();
  Result<CoordinatorPolicy> policy = parse_coordinator_policy(f.coordinators);
  if (!policy.is_ok()) return fail(policy.error());
  f.bounds.coordinators = policy.value();
  Result<TimeoutPolicy> timeouts = parse_timeout_policy(f.timeouts);
  if (!timeouts.is_ok()) return fail(timeouts.error());
  f.bounds.timeouts = timeouts.value();
  if (f.jobs == 0) return fail("--jobs: at least 1");
  if (f.compact_frontier && f.dfs) return fail("--compact-frontier: BFS only (not with --dfs)");

  Interleaving in;
  in.side = f.side;
  in.config = config.value();
  in.bounds = f.bounds;
  in.inject = inject;
  Result<ExploreSetup> setup = setup_of(in);
  if (!setup.is_ok()) return fail(setup.error());

  SearchOptions options;
  options.order = f.dfs ? SearchOrder::dfs : SearchOrder::bfs;
  options.jobs = f.jobs;
  options.compact_frontier = f.compact_frontier;
  options.sleep_sets = f.sleep_sets && !f.no_sleep_sets;
  options.identity.symmetry = !f.no_symmetry;
  options.identity.commuting_steps = !f.no_commuting_steps;
  options.identity.exact_order = f.exact_order;
  options.stop_at_first = !f.all;
  options.max_memory_bytes = f.max_memory_mb << 20;
  options.max_seconds = f.max_seconds;
  if (!f.quiet) {
    options.progress = [](const ExploreProgress& p) {
      std::fprintf(stderr,
                   "explore: depth %u, %llu states (%.0f/s), %llu transitions, frontier %llu, "
                   "RSS %llu MB, %.1f s\n",
                   p.depth, static_cast<unsigned long long>(p.states),
                   p.seconds > 0 ? static_cast<double>(p.states) / p.seconds : 0.0,
                   static_cast<unsigned long long>(p.transitions),
                   static_cast<unsigned long long>(p.frontier),
                   static_cast<unsigned long long>(p.rss_bytes >> 20), p.seconds);
    };
  }
  const ExploreResult result = explore(setup.value(), options);

  std::string inject_text;
  for (const std::string& b : inject) inject_text += (inject_text.empty() ? "" : ",") + b;
  const ExploreHeader header{f.side, inject_text, config.value(), f.bounds, options};
  const std::string text = explore_summary_text(header, result);
  const nlohmann::json json = explore_summary_json(header, result);
  if (!f.out_dir.empty()) {
    if (Status s = make_directory(f.out_dir); !s.is_ok()) return fail(s.message());
    const std::filesystem::path base(f.out_dir);
    Status s = write_text_file((base / "summary.txt").string(), text);
    if (s.is_ok()) s = write_text_file((base / "summary.json").string(), json.dump(2) + "\n");
    if (s.is_ok() && result.counterexample) {
      in.choices = refs_of(result.counterexample->choices);
      in.failure = result.counterexample->verdict.failure;
      in.digest = digest_hex(result.counterexample->verdict.digest);
      s = write_counterexample(f.out_dir, in, result.counterexample->verdict, config.value());
    }
    if (!s.is_ok()) return fail(s.message());
    if (f.html && write_html_report("explore --html", f.out_dir, "") != kExitOk) {
      return kExitBadInput;
    }
  }
  if (f.json) {
    std::printf("%s\n", json.dump(2).c_str());
  } else {
    std::printf("%s", text.c_str());
    if (result.counterexample && !f.out_dir.empty()) {
      std::printf("replay:      dynamo-testbed replay %s/counterexample.json\n",
                  f.out_dir.c_str());
    }
    if (f.html) std::printf("html report: %s/report.html\n", f.out_dir.c_str());
  }
  return result.counterexample ? kExitViolation : kExitOk;
}

}  // namespace

void add_explore_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "explore", "explore every interleaving within bounds (a bounded model checker)");
  auto f = std::make_shared<ExploreFlags>();
  cmd->add_option("--config", f->config_file, "config JSON (or a schedule: its config + inject)");
  cmd->add_option("--nodes", f->nodes, "config.nodes (default 3)");
  cmd->add_option("-N,--replicas", f->n, "config.replicas_n");
  cmd->add_option("-R,--read-quorum", f->r, "config.read_quorum_r");
  cmd->add_option("-W,--write-quorum", f->w, "config.write_quorum_w");
  cmd->add_option("-Q,--partitions-q", f->q, "config.partitions_q (default 4)");
  cmd->add_option("--quorum-mode", f->quorum_mode, "sloppy|strict");
  cmd->add_option("--hint-store", f->hint_store, "durable|volatile");
  cmd->add_option("--versioning", f->versioning, "vclock|lww");
  cmd->add_option("--side", f->side, "model, impl, or both in lockstep")->capture_default_str();
  cmd->add_option("--inject", f->inject, "switch on a bug-zoo bug in the impl (repeatable)");
  ExploreBounds& b = f->bounds;
  cmd->add_option("--clients", b.clients, "client processes")->capture_default_str();
  cmd->add_option("--ops", b.ops_per_client, "ops per client")->capture_default_str();
  cmd->add_option("--keys", b.keys, "keys")->capture_default_str();
  cmd->add_option("--ops-pattern", f->op_pattern, "client op i = pattern[i mod len]")
      ->capture_default_str();
  cmd->add_option("--coordinators", f->coordinators, "spread|first|any")->capture_default_str();
  cmd->add_option("--timeouts", f->timeouts,
                  "any: a timeout may fire before a reply on its way; after-loss: only once "
                  "nothing it waits for can arrive")
      ->capture_default_str();
  cmd->add_option("--crashes", b.crashes, "crash budget")->capture_default_str();
  cmd->add_option("--wipes", b.wipes, "wipe budget")->capture_default_str();
  cmd->add_option("--partitions", b.partitions, "partition budget")->capture_default_str();
  cmd->add_option("--lost", b.lost_messages, "lost-message budget")->capture_default_str();
  cmd->add_option("--duplicates", b.duplicates, "duplicate budget")->capture_default_str();
  cmd->add_option("--timer-firings", b.timer_firings_per_node,
                  "periodic timer firings per node")->capture_default_str();
  cmd->add_option("--max-depth", b.max_depth, "steps per path")->capture_default_str();
  cmd->add_option("--max-states", b.max_states, "stop after this many states (0 = none)");
  cmd->add_option("--jobs", f->jobs, "threads (BFS: the same result for any number; DFS: the same states and "
                  "histories when exhaustive)")
      ->capture_default_str();
  cmd->add_option("--max-seconds", f->max_seconds,
                  "stop after this much wall time (bound max-time; 0 = none)");
  cmd->add_option("--max-memory-mb", f->max_memory_mb,
                  "stop (not exhaustive) when the process grows past this (0 = no bound)")
      ->capture_default_str();
  cmd->add_flag("--dfs", f->dfs, "depth-first (less memory; counterexamples not shortest)");
  cmd->add_flag("--compact-frontier", f->compact_frontier,
                "BFS keeping each state as (parent, step), its world rebuilt by replay: far less "
                "memory, some more steps, the same result");
  cmd->add_flag("--sleep-sets", f->sleep_sets,
                "prune with sleep sets: fewer steps, the same states (the default)");
  cmd->add_flag("--no-sleep-sets", f->no_sleep_sets, "no sleep sets (every step taken)");
  cmd->add_flag("--no-symmetry", f->no_symmetry, "switch the client-symmetry reduction off");
  cmd->add_flag("--no-commuting-steps", f->no_commuting_steps,
                "keep every node's trace in order in the state identity (no merging of a "
                "node's steps taken in another order)");
  cmd->add_flag("--exact-order", f->exact_order,
                "states meet only when every trace record and history event happened in the "
                "same order, across nodes too (sound for checkers that judge how records of "
                "different nodes interleave; many more states)");
  cmd->add_flag("--all", f->all, "do not stop at the first violation (count failing paths)");
  cmd->add_flag("--json", f->json, "print a machine-readable summary");
  cmd->add_flag("--quiet", f->quiet, "no progress lines on stderr");
  cmd->add_option("--out", f->out_dir,
                  "write summary.txt/json and, on a violation, counterexample.json + history + trace");
  cmd->add_flag("--html", f->html, "also write report.html (docs/report.md) into the --out directory");
  cmd->callback([&exit_code, f] { exit_code = explore_command(*f); });
}

}  // namespace dt
