// Time to detection per bug-zoo bug: a campaign of the impl alone with the
// bug on (stop at the first failure) from several start seeds. One benchmark
// per bug; each repetition starts at the next seed of kStartSeeds, so the
// median aggregate is the median over those start seeds. Counters: runs until
// the failure (`runs`) and whether it was found at all (`found`, 1 or 0).
// Time is wall time (the campaign runs its seeds on a worker thread).
//
//   bug_zoo_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "core/assert.h"
#include "fuzz/campaign.h"
#include "impl/bugs.h"
#include "impl/impl_node.h"

namespace dt {
namespace {

constexpr uint64_t kStartSeeds[] = {1, 100001, 200001, 300001, 400001};
constexpr int kRepetitions = 5;
constexpr double kGiveUpSeconds = 60;

void BM_TimeToDetection(benchmark::State& state, const BugInfo* bug) {
  static std::map<std::string, int> repetition_of;  // bug -> repetitions done
  const int repetition = repetition_of[bug->name]++ % kRepetitions;
  CampaignOptions options;
  options.seed_start = kStartSeeds[repetition];
  options.max_seconds = kGiveUpSeconds;
  options.inject = {bug->name};
  options.on_failure = OnFailure::stop;
  options.primary = &make_impl_node;
  CampaignResult result;
  for (auto _ : state) {
    result = run_campaign(options);
  }
  DT_ASSERT(result.runs > 0, "a campaign without runs");
  const bool found = result.stopped_by == "failure";
  DT_ASSERT(!found || !result.failures.empty(), "stopped by a failure it did not report");
  state.counters["runs"] = static_cast<double>(result.runs);
  state.counters["found"] = found ? 1 : 0;
  state.SetLabel(found ? result.failures.front().signature.describe() : "NOT FOUND");
}

bool register_all() {
  for (const BugInfo& bug : bug_zoo()) {
    benchmark::RegisterBenchmark(bug.name, BM_TimeToDetection, &bug)
        ->Iterations(1)
        ->Repetitions(kRepetitions)
        ->ReportAggregatesOnly(true)
        ->UseRealTime()  // the campaign runs on a worker thread
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}

const bool kRegistered = register_all();

}  // namespace
}  // namespace dt

BENCHMARK_MAIN();
