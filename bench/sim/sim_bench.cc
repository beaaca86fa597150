// Simulator throughput: virtual events per wall-clock second with the echo
// test node (so the number measures the simulator, not a protocol).
#include <benchmark/benchmark.h>

#include "sim/runner.h"
#include "sim/testing/echo_node.h"

namespace dt {
namespace {

Schedule bench_schedule(uint64_t seed) {
  Schedule s;
  s.seed = seed;
  s.config.nodes = 5;
  s.config.probe_interval_ns = 10 * kMillisecondNs;
  s.config.quiescence_rounds = 1;
  s.workload.clients = 8;
  s.workload.keys = 16;
  s.workload.ops = 2000;
  s.workload.duration_ns = 5 * kSecondNs;
  ScheduleEvent crash;
  crash.at_ns = 1 * kSecondNs;
  crash.kind = EventKind::crash;
  crash.node = 2;
  ScheduleEvent link;
  link.at_ns = 2 * kSecondNs;
  link.kind = EventKind::link;
  link.from = 0;
  link.to = 1;
  link.drop_ppm = 100'000;
  link.duplicate_ppm = 100'000;
  s.events = {crash, link};
  return s;
}

void run_bench(benchmark::State& state, RunOptions options) {
  const Schedule schedule = bench_schedule(1);
  uint64_t events = 0;
  for (auto _ : state) {
    const RunResult result = run_schedule(schedule, options);
    events += result.stats.events;
    benchmark::DoNotOptimize(result.digest);
  }
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsRate);
}

void BM_SimEchoNode(benchmark::State& state) {
  RunOptions options;
  options.primary = &make_echo_node;
  options.record_trace = state.range(0) != 0;
  run_bench(state, options);
}
BENCHMARK(BM_SimEchoNode)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SimEchoNodeLockstep(benchmark::State& state) {
  RunOptions options;
  options.primary = &make_echo_node;
  options.shadow = &make_echo_node;
  run_bench(state, options);
}
BENCHMARK(BM_SimEchoNodeLockstep)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dt

BENCHMARK_MAIN();
