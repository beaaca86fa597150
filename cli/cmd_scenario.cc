// `scenario NAME`, `scenario --list`, `scenario --all`: the seed's stories with
// their asserted outcomes, and the Merkle-at-scale exercise.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/timeline.h"
#include "scenarios/merkle_at_scale.h"
#include "scenarios/scenario.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

constexpr const char* kMerkleName = "merkle-at-scale";

struct ScenarioFlags {
  std::string name;
  bool list = false;
  bool all = false;
  bool timeline = false;
  bool digest_only = false;
  uint64_t merkle_keys = 16'000'000;
  uint32_t merkle_depth = 16;
};

void print_list() {
  for (const Scenario& s : all_scenarios()) {
    std::printf("%-38s %s\n", s.name.c_str(), s.story.c_str());
  }
  std::printf("%-38s %s\n", kMerkleName,
              "16M keys, depth 16: ~244 keys per leaf, 2 hash comparisons per level (32)");
}

int run_merkle(const ScenarioFlags& f) {
  const MerkleScaleResult r = run_merkle_at_scale(f.merkle_keys, f.merkle_depth, 1);
  std::printf("scenario %s\n%s", kMerkleName, format_merkle_scale(r).c_str());
  const bool ok = r.differing_leaves.size() == 1 && r.comparisons == 2ull * f.merkle_depth;
  std::printf("%s: one differing leaf found with %llu comparisons (expected %u)\n",
              ok ? "PASS" : "FAIL", static_cast<unsigned long long>(r.comparisons),
              2 * f.merkle_depth);
  return ok ? kExitOk : kExitViolation;
}

int run_one(const Scenario& s, const ScenarioFlags& f) {
  const ScenarioResult r = run_scenario(s);
  if (!r.error.empty()) {
    std::fprintf(stderr, "dynamo-testbed scenario: %s\n", r.error.c_str());
    return kExitInternal;
  }
  if (f.digest_only) {
    std::printf("%s\n", digest_hex(r.run.digest).c_str());
    return r.expectations.ok() ? kExitOk : kExitViolation;
  }
  if (f.timeline) std::printf("%s\n", format_timeline(r.run.history, r.run.trace).c_str());
  std::printf("scenario %s: %s\n", s.name.c_str(), s.story.c_str());
  for (const std::string& p : r.expectations.passed()) std::printf("  ok    %s\n", p.c_str());
  for (const std::string& p : r.expectations.failed()) std::printf("  FAIL  %s\n", p.c_str());
  std::printf("%s (%zu of %zu expectations hold)  digest: %s\n",
              r.expectations.ok() ? "PASS" : "FAIL", r.expectations.passed().size(),
              r.expectations.passed().size() + r.expectations.failed().size(),
              digest_hex(r.run.digest).c_str());
  return r.expectations.ok() ? kExitOk : kExitViolation;
}

int run_scenarios(const ScenarioFlags& f) {
  if (f.list) {
    print_list();
    return kExitOk;
  }
  if (f.all) {
    int worst = kExitOk;
    for (const Scenario& s : all_scenarios()) worst = std::max(worst, run_one(s, f));
    return worst;
  }
  if (f.name == kMerkleName) return run_merkle(f);
  for (const Scenario& s : all_scenarios()) {
    if (s.name == f.name) return run_one(s, f);
  }
  std::fprintf(stderr, "dynamo-testbed scenario: \"%s\" is not a scenario (see --list)\n",
               f.name.c_str());
  return kExitBadInput;
}

}  // namespace

void add_scenario_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("scenario", "run one of the seed's stories and assert its outcome");
  auto flags = std::make_shared<ScenarioFlags>();
  cmd->add_option("NAME", flags->name, "scenario name (see --list)");
  cmd->add_flag("--list", flags->list, "list the scenarios");
  cmd->add_flag("--all", flags->all, "run every scenario");
  cmd->add_flag("--timeline", flags->timeline, "print the run's timeline");
  cmd->add_flag("--digest-only", flags->digest_only, "print only the run digest");
  cmd->add_option("--merkle-keys", flags->merkle_keys, "keys for merkle-at-scale")
      ->capture_default_str();
  cmd->add_option("--merkle-depth", flags->merkle_depth, "tree depth for merkle-at-scale")
      ->check(CLI::Range(1, 24))
      ->capture_default_str();
  cmd->callback([&exit_code, flags] {
    if (flags->name.empty() && !flags->list && !flags->all) {
      std::fprintf(stderr, "dynamo-testbed scenario: give NAME, --list or --all\n");
      exit_code = kExitBadInput;
      return;
    }
    exit_code = run_scenarios(*flags);
  });
}

}  // namespace dt
