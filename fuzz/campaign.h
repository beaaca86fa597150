// A fuzz campaign without libFuzzer: draw one schedule per seed (swarm
// testing: the seed also picks which fault kinds are on), run model and impl
// in lockstep, check every property, count coverage marks, and on a failure
// write the schedule and minimize it. Seeds of shard k of n are
// seed_start + i*n + k for i = 0, 1, ...; J worker threads split the seeds,
// and the report covers the runs i = 0..runs-1 in seed order, so with a run
// bound the result does not depend on J.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/coverage.h"
#include "core/node.h"
#include "fuzz/failure_signature.h"
#include "fuzz/minimize.h"
#include "fuzz/schedule_decoder.h"

namespace dt {

enum class OnFailure {
  stop,               // stop at the first failure; write original.json only
  minimize_and_stop,  // stop at the first failure and minimize it (the default)
  keep_going,         // run on; minimize the first failure of each signature
};

// A failure as it is found (progress output).
struct FoundFailure {
  uint64_t seed = 0;
  SwarmProfile swarm;
  FailureSignature signature;
};

struct CampaignProgress {
  uint64_t runs = 0;  // runs finished so far
  double elapsed_seconds = 0;
  uint64_t failed_runs = 0;  // runs with a promised violation or divergence
  uint64_t promised_violations = 0;
  size_t marks_reached = 0;                // of kCoverageMarkCount
  std::vector<FoundFailure> new_failures;  // found since the previous call
};

struct CampaignOptions {
  uint64_t seed_start = 1;
  uint32_t shard_index = 0;           // k of --shard k/n
  uint32_t shard_count = 1;           // n
  std::optional<uint64_t> max_runs;   // at least one of max_runs and
  std::optional<double> max_seconds;  // max_seconds bounds the campaign
  uint32_t jobs = 1;                  // worker threads
  DrawScale draw = DrawScale::small;  // the sizes each seed draws
  std::vector<std::string> inject;    // bug names added to every schedule
  OnFailure on_failure = OnFailure::minimize_and_stop;
  std::string out_dir;                // failure-<seed>/ go here; empty = no files
  NodeFactory primary = nullptr;      // required (the model)
  NodeFactory shadow = nullptr;       // set = lockstep with the impl
  uint64_t minimize_max_runs = 1500;  // per minimized failure
  // Called on the calling thread about once a second while runs go on.
  std::function<void(const CampaignProgress&)> on_progress;
};

struct CampaignFailure {
  uint64_t seed = 0;
  uint64_t run_index = 0;
  SwarmProfile swarm;
  FailureSignature signature;
  size_t promised_violations = 0;
  uint64_t same_signature_runs = 1;        // this run and later ones with this signature
  std::vector<uint64_t> later_seeds;       // a few of those later seeds
  std::string dir;                         // empty when no out_dir
  std::optional<MinimizeStats> minimized;  // set when it was minimized
  std::string write_error;                 // set when a file could not be written
};

// One point of the campaign's progress, for its rate over time. Wall clock:
// it goes to the report only; no run and no other count depends on it.
struct ProgressSample {
  double elapsed_seconds = 0;
  uint64_t runs = 0;  // finished, in any seed order
  uint64_t failed_runs = 0;
};

// Runs per swarm dimension, so a sweep shows it covered every profile:
// "fault:crash" (runs with crashes switched on), ..., "fault:none",
// "quorum:sloppy", "quorum:strict", "versioning:vclock", "versioning:lww",
// "hints:durable", "hints:volatile". Ordered: prints the same every time.
using ProfileCounts = std::map<std::string, uint64_t>;

// The dimensions one drawn schedule counts toward.
std::vector<std::string> profile_dimensions(const DecodedSchedule& drawn);

struct CampaignResult {
  uint64_t runs = 0;            // runs i = 0..runs-1 were counted
  double run_seconds = 0;       // running seeds
  double minimize_seconds = 0;  // minimizing failures
  std::string stopped_by;       // "runs", "seconds" or "failure"
  uint64_t failed_runs = 0;
  uint64_t promised_violations = 0;
  uint64_t divergences = 0;
  CoverageCounts coverage{};              // summed over the counted runs
  ProfileCounts profiles;                 // runs per swarm dimension (counted runs)
  std::vector<CampaignFailure> failures;  // one per signature, in seed order
  std::vector<ProgressSample> progress;   // about one a second, and one at the end
  // Every counted run's digest folded in seed order (hash_combine from 0):
  // one number for the whole campaign, the same for any --jobs and on every
  // machine and compiler, so two builds can be compared over many runs.
  uint64_t runs_digest = 0;

  double runs_per_second() const;
  size_t marks_reached() const;
  // 1 when a promised violation or a divergence was found, else 0.
  int exit_code() const;
};

// The seed of run `index` in shard `shard_index` of `shard_count`.
uint64_t campaign_seed(uint64_t seed_start, uint32_t shard_index, uint32_t shard_count,
                       uint64_t index);

// The schedule a campaign runs for a seed: draw_schedule(seed, draw) plus `inject`.
DecodedSchedule campaign_schedule(uint64_t seed, const std::vector<std::string>& inject,
                                  DrawScale draw = DrawScale::small);

// REQUIRES: options.primary set, a bound set, jobs >= 1, shard_index < shard_count.
CampaignResult run_campaign(const CampaignOptions& options);

}  // namespace dt
