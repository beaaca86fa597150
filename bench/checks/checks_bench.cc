// Throughput of each property checker on a synthetic 1M-entry run, and of
// check_all on the shapes that once made it quadratic (few keys with many
// writes, many siblings): 1M client ops each. Items are history entries
// (invokes + completions); a client op is two entries.
#include <benchmark/benchmark.h>

#include <algorithm>

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

constexpr size_t kShapeEntries = 2'000'000;  // 1M client ops

bench::SyntheticShape few_keys(Versioning versioning) {
  bench::SyntheticShape shape;
  shape.keys = 3;
  shape.versioning = versioning;
  shape.contexts_from_own_reads = true;
  shape.rotate_coordinators = true;
  return shape;
}

// One key, most puts blind: siblings pile up until a put with a read's context.
bench::SyntheticShape many_siblings() {
  bench::SyntheticShape shape = few_keys(Versioning::vclock);
  shape.keys = 1;
  shape.blind_put_percent = 80;
  return shape;
}

template <const bench::SyntheticShape& (*Shape)()>
const bench::SyntheticRun& shaped_run() {
  static const bench::SyntheticRun r = bench::make_synthetic_run(11, kShapeEntries, Shape());
  return r;
}

const bench::SyntheticShape& few_keys_lww() {
  static const bench::SyntheticShape shape = few_keys(Versioning::lww);
  return shape;
}
const bench::SyntheticShape& few_keys_vclock() {
  static const bench::SyntheticShape shape = few_keys(Versioning::vclock);
  return shape;
}
const bench::SyntheticShape& one_key_many_siblings() {
  static const bench::SyntheticShape shape = many_siblings();
  return shape;
}

template <const bench::SyntheticShape& (*Shape)()>
void BM_CheckAllShape(benchmark::State& state) {
  const bench::SyntheticRun& r = shaped_run<Shape>();  // generated outside the timed loop
  size_t violations = 0;
  size_t siblings = 0;
  size_t versions_read = 0;
  for (const HistoryOp& op : r.history) {
    siblings = std::max(siblings, op.read.size());
    versions_read += op.read.size();
  }
  for (auto _ : state) {
    const CheckReport report = check_all(CheckInput{r.config, r.history, r.trace});
    violations = 0;
    for (const PropertyVerdict& v : report.verdicts) violations += v.violations.size();
    benchmark::DoNotOptimize(violations);
  }
  state.counters["violations"] = static_cast<double>(violations);  // all expected ones
  state.counters["max_siblings_read"] = static_cast<double>(siblings);
  state.counters["versions_read"] = static_cast<double>(versions_read);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * r.history.size()));
}

template <const bench::SyntheticShape& (*Shape)()>
void BM_BuildContextShape(benchmark::State& state) {
  const bench::SyntheticRun& r = shaped_run<Shape>();
  for (auto _ : state) {
    Result<CheckContext> ctx = build_check_context(CheckInput{r.config, r.history, r.trace});
    benchmark::DoNotOptimize(ctx.is_ok());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * r.history.size()));
}

template <const bench::SyntheticShape& (*Shape)(), PropertyVerdict (*Check)(const CheckContext&)>
void BM_CheckerShape(benchmark::State& state) {
  static const CheckContext ctx = [] {
    const bench::SyntheticRun& r = shaped_run<Shape>();
    Result<CheckContext> built = build_check_context(CheckInput{r.config, r.history, r.trace});
    DT_ASSERT(built.is_ok(), "synthetic run must index");
    return std::move(built).value();
  }();
  size_t violations = 0;
  for (auto _ : state) {
    violations = Check(ctx).violations.size();
    benchmark::DoNotOptimize(violations);
  }
  state.counters["violations"] = static_cast<double>(violations);
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * shaped_run<Shape>().history.size()));
}

BENCHMARK(BM_BuildContext)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_quorum_overlap)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_durability)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_convergence)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_availability)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_causality)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Checker, check_handoff_hygiene)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAll)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_CheckAllShape, few_keys_lww)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_CheckAllShape, few_keys_vclock)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_CheckAllShape, one_key_many_siblings)->Unit(benchmark::kMillisecond);
// Per checker on each shape: where check_all's time goes.
#define DT_SHAPE_CHECKERS(shape)                                                           \
  BENCHMARK_TEMPLATE(BM_BuildContextShape, shape)->Unit(benchmark::kMillisecond);                  \
  BENCHMARK_TEMPLATE(BM_CheckerShape, shape, check_quorum_overlap)->Unit(benchmark::kMillisecond); \
  BENCHMARK_TEMPLATE(BM_CheckerShape, shape, check_durability)->Unit(benchmark::kMillisecond);     \
  BENCHMARK_TEMPLATE(BM_CheckerShape, shape, check_convergence)->Unit(benchmark::kMillisecond);    \
  BENCHMARK_TEMPLATE(BM_CheckerShape, shape, check_availability)->Unit(benchmark::kMillisecond);   \
  BENCHMARK_TEMPLATE(BM_CheckerShape, shape, check_causality)->Unit(benchmark::kMillisecond);      \
  BENCHMARK_TEMPLATE(BM_CheckerShape, shape, check_handoff_hygiene)->Unit(benchmark::kMillisecond)
DT_SHAPE_CHECKERS(few_keys_lww);
DT_SHAPE_CHECKERS(few_keys_vclock);
DT_SHAPE_CHECKERS(one_key_many_siblings);

}  // namespace
}  // namespace dt

BENCHMARK_MAIN();
