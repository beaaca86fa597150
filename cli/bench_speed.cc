#include "cli/bench_speed.h"

#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <utility>
#include <vector>

#include "cli/heap_bytes.h"
#include "core/assert.h"
#include "core/prng.h"
#include "impl/bench_schedule.h"
#include "nodes/sides.h"
#include "sim/runner.h"

namespace dt {

namespace {

size_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

}  // namespace

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

ScaleRunResult measure_scale_run(NodeFactory factory, uint32_t nodes, uint32_t ops,
                                 uint32_t keys) {
  const Schedule schedule = scale_schedule(1, nodes, ops, keys);
  RunOptions options;
  options.primary = factory;
  options.record_trace = false;
  options.max_events = 1'000'000'000;  // about 19 events per op; the default is 20M
  const size_t rss_before = peak_rss_bytes();
  RunResult run;
  double cpu_seconds = 0;
  // The simulator and its nodes are gone when run_schedule returns, so what
  // the run allocated and still holds is its result.
  const size_t result_bytes = heap_bytes_kept([&] {
    const double start = process_cpu_seconds();
    run = run_schedule(schedule, options);
    cpu_seconds = process_cpu_seconds() - start;
  });
  const size_t rss_after = peak_rss_bytes();
  DT_ASSERT(rss_after >= rss_before, "peak RSS went down");
  ScaleRunResult r;
  r.cpu_seconds = cpu_seconds;
  r.nodes = nodes;
  r.client_ops = run.stats.client_ops;
  r.events = run.stats.events;
  r.digest = run.digest;
  r.history_events = run.history.size();
  r.peak_bytes = rss_after - rss_before;
  r.result_bytes = result_bytes;
  return r;
}

DifferentialRate measure_differential(const FuzzBudget& budget, double seconds) {
  DT_ASSERT(seconds > 0, "no time to measure");
  const SideFactories factories = factories_for(Side::both);
  Prng prng(2026);
  std::vector<uint8_t> bytes;
  DifferentialRate rate;
  const double start = process_cpu_seconds();
  while (rate.execs == 0 || process_cpu_seconds() - start < seconds) {
    bytes.resize(prng.below(256));
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(prng.next_u64());
    if (differential_one(bytes, factories.primary, factories.shadow, budget)) ++rate.failures;
    ++rate.execs;
  }
  rate.cpu_seconds = process_cpu_seconds() - start;
  return rate;
}

namespace {

const char* verdict(bool met) { return met ? "met" : "NOT met"; }

nlohmann::json rate_json(const std::optional<DifferentialRate>& rate) {
  if (!rate) return nullptr;
  return {{"execs", rate->execs},
          {"failures", rate->failures},
          {"cpu_seconds", rate->cpu_seconds},
          {"execs_per_s", rate->execs_per_s()}};
}

}  // namespace

nlohmann::json speed_json(const SpeedReport& report) {
  nlohmann::json scale = nullptr;
  if (report.scale) {
    const ScaleRunResult& s = *report.scale;
    scale = {{"nodes", s.nodes},
             {"client_ops", s.client_ops},
             {"events", s.events},
             {"cpu_seconds", s.cpu_seconds},
             {"history_events", s.history_events},
             {"peak_bytes", s.peak_bytes},
             {"result_bytes", s.result_bytes},
             {"peak_bytes_per_node", s.peak_bytes_per_node()},
             {"rest_bytes_per_node", s.rest_bytes_per_node()}};
  }
  return {{"impl_client_ops_per_s", report.impl_ops_per_s},
          {"impl_slowest_run_client_ops_per_s", report.impl_slowest_run_ops_per_s},
          {"impl_fastest_run_client_ops_per_s", report.impl_fastest_run_ops_per_s},
          {"impl_model_ratio", report.impl_model_ratio},
          {"direct_impl_model_ratio", report.direct_ratio},
          {"scale_run", scale},
          {"differential_full", rate_json(report.fuzz_full)},
          {"differential_quick", rate_json(report.fuzz_quick)},
          {"differential_fast", rate_json(report.fuzz_fast)},
          {"goals",
           {{"impl_client_ops_per_s", kGoalImplOpsPerS},
            {"impl_model_ratio", kGoalImplModelRatio},
            {"scale_nodes", kGoalScaleNodes},
            {"scale_ops", kGoalScaleOps},
            {"scale_cpu_seconds", kGoalScaleCpuSeconds},
            {"differential_execs_per_s", kGoalFuzzExecsPerS}}}};
}

void print_speed(const SpeedReport& report) {
  std::printf("speed goals (CPU time)\n");
  std::printf("  impl in the simulator: %.0f client ops/s (goal %.0f): %s; single runs %.0f-%.0f\n",
              report.impl_ops_per_s, kGoalImplOpsPerS,
              verdict(report.impl_ops_per_s >= kGoalImplOpsPerS), report.impl_slowest_run_ops_per_s,
              report.impl_fastest_run_ops_per_s);
  std::printf("  whole-run impl/model: %.1fx (goal %.0fx): %s\n", report.impl_model_ratio,
              kGoalImplModelRatio, verdict(report.impl_model_ratio >= kGoalImplModelRatio));
  if (report.direct_ratio > 0) {
    std::printf("    ceiling: the nodes alone are %.1fx apart (direct), and a whole run adds the "
                "simulator's cost to both sides\n",
                report.direct_ratio);
  }
  if (report.scale) {
    const ScaleRunResult& s = *report.scale;
    const bool met = s.nodes >= kGoalScaleNodes && s.client_ops >= kGoalScaleOps &&
                     s.cpu_seconds < kGoalScaleCpuSeconds;
    std::printf("  %u-node impl run, %llu client ops: %.1f s, %llu events (goal %u nodes, %u ops, "
                "< %.0f s): %s\n",
                s.nodes, static_cast<unsigned long long>(s.client_ops), s.cpu_seconds,
                static_cast<unsigned long long>(s.events), kGoalScaleNodes, kGoalScaleOps,
                kGoalScaleCpuSeconds, verdict(met));
    std::printf("    memory: peak grew %.0f MB; the result kept %.0f MB (history of %llu events, "
                "final states); the rest %.2f MB/node (nodes, events in flight, slack)\n",
                static_cast<double>(s.peak_bytes) / 1e6, static_cast<double>(s.result_bytes) / 1e6,
                static_cast<unsigned long long>(s.history_events), s.rest_bytes_per_node() / 1e6);
  }
  for (const auto& [name, rate] : {std::pair{"full", &report.fuzz_full},
                                   std::pair{"quick", &report.fuzz_quick},
                                   std::pair{"fast", &report.fuzz_fast}}) {
    if (!*rate) continue;
    std::printf("  differential fuzz body, %s budget, no sanitizers: %.0f execs/s, %llu "
                "failures (goal %.0f): %s\n",
                name, (*rate)->execs_per_s(), static_cast<unsigned long long>((*rate)->failures),
                kGoalFuzzExecsPerS, verdict((*rate)->execs_per_s() >= kGoalFuzzExecsPerS));
  }
  if (report.fuzz_full && report.fuzz_fast) {
    std::printf("  fast / full budget: %.1fx the exec rate (same run)\n",
                report.fuzz_fast->execs_per_s() / report.fuzz_full->execs_per_s());
  }
}

}  // namespace dt
