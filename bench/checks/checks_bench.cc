// Throughput of each property checker on a synthetic 1M-entry run. Items are
// history entries (invokes + completions); a client op is two entries.
#include <benchmark/benchmark.h>

#include "bench/checks/synthetic_run.h"
#include "checks/availability.h"
#include "checks/causality.h"
#include "checks/check_all.h"
#include "checks/check_context.h"
#include "checks/convergence.h"
#include "checks/durability.h"
#include "checks/handoff_hygiene.h"
#include "checks/quorum_overlap.h"
#include "core/assert.h"

namespace dt {
namespace {

constexpr size_t kEntries = 1'000'000;

const bench::SyntheticRun& run() {
  static const bench::SyntheticRun r = bench::make_synthetic_run(7, kEntries, 1000);
  return r;
}

const CheckContext& context() {
  static const CheckContext ctx = [] {
    Result<CheckContext> built =
        build_check_context(CheckInput{run().config, run().history, run().trace});
    DT_ASSERT(built.is_ok(), "synthetic run must index");
    return std::move(built).value();
  }();
  return ctx;
}

void BM_BuildContext(benchmark::State& state) {
  run();  // generate outside the timed loop
  for (auto _ : state) {
    Result<CheckContext> ctx =
        build_check_context(CheckInput{run().config, run().history, run().trace});
    benchmark::DoNotOptimize(ctx.is_ok());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * run().history.size()));
}

template <PropertyVerdict (*Check)(const CheckContext&)>
void BM_Checker(benchmark::State& state) {
  const CheckContext& ctx = context();
  size_t promised = 0;
  for (auto _ : state) {
    const PropertyVerdict verdict = Check(ctx);
    promised = verdict.promised_violation_count();
    benchmark::DoNotOptimize(promised);
  }
  state.counters["promised_violations"] = static_cast<double>(promised);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * run().history.size()));
}

void BM_CheckAll(benchmark::State& state) {
  run();
  for (auto _ : state) {
    const CheckReport report = check_all(CheckInput{run().config, run().history, run().trace});
    benchmark::DoNotOptimize(report.verdicts.size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * run().history.size()));
}

BENCHMARK(BM_BuildContext)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_quorum_overlap)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_durability)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_convergence)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_availability)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_causality)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_handoff_hygiene)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAll)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dt

BENCHMARK_MAIN();
