// Model vs impl on the same throughput schedule (impl/bench_schedule.h),
// and the impl's hot data structures in isolation.
#include <benchmark/benchmark.h>

#include "core/hash.h"
#include "core/ring.h"
#include "impl/bench_schedule.h"
#include "impl/flat_map.h"
#include "impl/impl_node.h"
#include "impl/incremental_merkle.h"
#include "model/merkle_tree.h"
#include "model/model_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

// state.range(0) client ops over state.range(1) keys; 100k over 100k is the
// shape `dynamo-testbed bench` measures its speed goal on.
void run_throughput(benchmark::State& state, NodeFactory factory) {
  const Schedule schedule = throughput_schedule(1, static_cast<uint32_t>(state.range(0)),
                                                static_cast<uint32_t>(state.range(1)));
  RunOptions options;
  options.primary = factory;
  options.record_trace = false;
  uint64_t ops = 0, events = 0;
  for (auto _ : state) {
    const RunResult result = run_schedule(schedule, options);
    ops += result.stats.client_ops;
    events += result.stats.events;
    benchmark::DoNotOptimize(result.digest);
  }
  state.counters["client_ops/s"] =
      benchmark::Counter(static_cast<double>(ops), benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

void BM_ThroughputModel(benchmark::State& state) { run_throughput(state, &make_model_node); }
void BM_ThroughputImpl(benchmark::State& state) { run_throughput(state, &make_impl_node); }
BENCHMARK(BM_ThroughputModel)->Args({20'000, 2'000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ThroughputImpl)
    ->Args({20'000, 2'000})
    ->Args({100'000, 100'000})
    ->Unit(benchmark::kMillisecond);

constexpr uint64_t kMerkleKeys = 1'000'000;
constexpr uint32_t kMerkleDepth = 16;

void BM_MerkleIncrementalUpdate(benchmark::State& state) {
  IncrementalMerkleTree tree(kMerkleDepth);
  for (uint64_t k = 0; k < kMerkleKeys; ++k) {
    tree.update(merkle_leaf_of(k, kMerkleDepth), 0, merkle_entry_hash(k, k));
  }
  uint64_t i = 0;
  for (auto _ : state) {
    const uint64_t k = (i * 7919) % kMerkleKeys;
    tree.update(merkle_leaf_of(k, kMerkleDepth), merkle_entry_hash(k, k),
                merkle_entry_hash(k, k));
    benchmark::DoNotOptimize(tree.root());  // pay the path rehash every update
    ++i;
  }
  benchmark::DoNotOptimize(tree.root());
}
BENCHMARK(BM_MerkleIncrementalUpdate);

void BM_MerkleFullRebuild(benchmark::State& state) {
  for (auto _ : state) {
    MerkleTree tree(kMerkleDepth);
    for (uint64_t k = 0; k < kMerkleKeys; ++k) tree.add_key(k, k);
    tree.seal();
    benchmark::DoNotOptimize(tree.root());
  }
}
BENCHMARK(BM_MerkleFullRebuild)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_FlatMapFind(benchmark::State& state) {
  FlatMap<uint64_t> map;
  for (uint64_t k = 0; k < 100'000; ++k) map[k] = k;
  uint64_t i = 0, sum = 0;
  for (auto _ : state) sum += *map.find((i++ * 7919) % 100'000);
  benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_FlatMapFind);

}  // namespace
}  // namespace dt

BENCHMARK_MAIN();
