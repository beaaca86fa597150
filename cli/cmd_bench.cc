// `bench [--json] [--seconds S]`: model vs impl throughput on the same
// schedule, a large-cluster impl run, the differential fuzz body's exec rate,
// the speed goals these meet or miss, incremental Merkle update vs full
// rebuild, tree-diff cost at scale and the impl's memory per key. Time is
// this process's CPU time (the machine is shared, so wall time would measure
// the neighbours); it is read here only to measure, nothing measured feeds
// back into a run.
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/bench_speed.h"
#include "cli/commands.h"
#include "cli/heap_bytes.h"
#include "cli/exit_codes.h"
#include "core/assert.h"
#include "core/hash.h"
#include "core/ring.h"
#include "core/schedule_validate.h"
#include "impl/bench_schedule.h"
#include "impl/direct_cluster.h"
#include "impl/impl_node.h"
#include "impl/incremental_merkle.h"
#include "model/merkle_tree.h"
#include "model/model_node.h"
#include "scenarios/merkle_at_scale.h"
#include "sim/runner.h"

namespace dt {

namespace {

// Process CPU time, as a steady_clock-like source.
struct Clock {
  using time_point = std::chrono::duration<double>;
  static time_point now() { return time_point(process_cpu_seconds()); }
};

struct BenchFlags {
  bool json = false;
  double seconds = 2.0;         // per throughput side
  uint32_t ops = 100'000;       // client ops per throughput run
  uint32_t keys = 100'000;      // distinct keys per throughput run
  uint64_t merkle_keys = 1'000'000;
  uint64_t diff_keys = 16'000'000;
  uint64_t memory_keys = 1'000'000;
  uint32_t scale_nodes = 1000;  // the speed goal's cluster
  uint32_t scale_ops = 1'000'000;  // 0 skips the large-cluster run
  uint32_t scale_keys = 100'000;
  double fuzz_seconds = 2.0;  // per fuzz budget; 0 skips
};


double seconds_since(Clock::time_point start) { return (Clock::now() - start).count(); }

struct Throughput {
  uint64_t runs = 0, client_ops = 0, events = 0, digest = 0;
  double seconds = 0;
  // The slowest and fastest single run: on a shared machine one run can
  // be slowed by a neighbour, so the spread says how far to trust the mean.
  double slowest_ops_per_s = 0, fastest_ops_per_s = 0;
  double ops_per_s() const { return client_ops / seconds; }
  double events_per_s() const { return events / seconds; }
  void add_run(uint64_t run_ops, uint64_t run_events, double run_seconds) {
    const double rate = run_ops / run_seconds;
    slowest_ops_per_s = runs == 0 ? rate : std::min(slowest_ops_per_s, rate);
    fastest_ops_per_s = runs == 0 ? rate : std::max(fastest_ops_per_s, rate);
    ++runs;
    client_ops += run_ops;
    events += run_events;
  }
};

// Whole runs of the throughput schedule until `budget_s` has passed.
Throughput measure_throughput(NodeFactory factory, const BenchFlags& f) {
  const Schedule schedule = throughput_schedule(1, f.ops, f.keys);
  RunOptions options;
  options.primary = factory;
  options.record_trace = false;
  Throughput t;
  const Clock::time_point start = Clock::now();
  while (t.runs == 0 || seconds_since(start) < f.seconds) {
    const Clock::time_point run_start = Clock::now();
    const RunResult r = run_schedule(schedule, options);
    t.add_run(r.stats.client_ops, r.stats.events, seconds_since(run_start));
    t.digest = r.digest;
  }
  t.seconds = seconds_since(start);
  return t;
}

// The same op stream straight into the nodes, no simulator (direct_cluster.h).
Throughput measure_direct(NodeFactory factory, const BenchFlags& f) {
  Config config;
  config.merkle_depth = 10;
  DirectLoad load;
  load.ops = f.ops;
  load.keys = f.keys;
  Throughput t;
  const Clock::time_point start = Clock::now();
  while (t.runs == 0 || seconds_since(start) < f.seconds) {
    const Clock::time_point run_start = Clock::now();
    const DirectLoadResult r = run_direct_load(factory, config, load);
    t.add_run(r.client_ops, r.node_events, seconds_since(run_start));
    t.digest = r.replies_digest;
  }
  t.seconds = seconds_since(start);
  return t;
}

struct MerkleUpdateCost {
  double update_ns = 0, rebuild_ns = 0;
  bool roots_equal = false;
};

// Incremental: one entry change + a root read (so the deferred path rehash
// is paid every time). Rebuild: the model's tree over
// every key from scratch (what the model does for each exchange message).
MerkleUpdateCost measure_merkle_update(uint64_t keys, uint32_t depth) {
  IncrementalMerkleTree incremental(depth);
  std::vector<uint64_t> entry(keys);
  for (uint64_t k = 0; k < keys; ++k) {
    entry[k] = merkle_entry_hash(k, hash_u64(k, 1));
    incremental.update(merkle_leaf_of(k, depth), 0, entry[k]);
  }
  const uint64_t updates = 200'000;
  uint64_t root_sum = 0;
  Clock::time_point start = Clock::now();
  for (uint64_t i = 0; i < updates; ++i) {
    const uint64_t k = (i * 7919) % keys;
    const uint64_t fresh = merkle_entry_hash(k, hash_u64(k, i + 2));
    incremental.update(merkle_leaf_of(k, depth), entry[k], fresh);
    entry[k] = fresh;
    root_sum += incremental.root();  // read every time: the full path rehash is paid
  }
  MerkleUpdateCost cost;
  cost.update_ns = seconds_since(start) * 1e9 / updates;
  DT_ASSERT(root_sum != 0 || updates == 0, "roots never read");
  start = Clock::now();
  MerkleTree rebuilt(depth);
  for (uint64_t k = 0; k < keys; ++k) rebuilt.add_key(k, 0);  // leaf placement work
  rebuilt.seal();
  cost.rebuild_ns = seconds_since(start) * 1e9;
  // Check equality against a rebuild with the real entry hashes.
  MerkleTree exact(depth);
  std::vector<uint64_t> leaf_sums(size_t{1} << depth, 0);
  for (uint64_t k = 0; k < keys; ++k) leaf_sums[merkle_leaf_of(k, depth)] += entry[k];
  std::map<uint32_t, uint64_t> sparse;
  for (uint32_t leaf = 0; leaf < leaf_sums.size(); ++leaf) {
    if (leaf_sums[leaf] != 0) sparse[leaf] = leaf_sums[leaf];
  }
  cost.roots_equal = sparse_root(depth, sparse) == incremental.root();
  return cost;
}

// Heap bytes per key after loading `keys` single-version keys into a node.
double memory_per_key(NodeFactory factory, uint64_t keys) {
  Config config;
  config.nodes = 5;
  config.replicas_n = 3;
  config.merkle_depth = 10;
  std::unique_ptr<Node> node = factory(0, config, {});
  const size_t kept = heap_bytes_kept([&] {
    Effects out;
    for (uint64_t k = 0; k < keys; ++k) {
      Version v;
      v.dot = Dot{1, k + 1};
      v.value = {static_cast<ElementValue>(k)};
      v.write_id = k + 1;
      node->on_message(NodeClock{}, 1, StoreRequest{k + 1, k, std::move(v), kNoNode}, out);
      out.clear();
    }
  });
  return static_cast<double>(kept) / static_cast<double>(keys);
}

struct BenchReport {
  SpeedReport speed;                     // large-cluster run, fuzz rate, goals
  Throughput model, impl;                // full simulator runs
  Throughput direct_model, direct_impl;  // nodes driven directly
  MerkleUpdateCost merkle;
  std::vector<MerkleScaleResult> diffs;
  double diff_seconds = 0;
  double impl_bytes_per_key = 0, model_bytes_per_key = 0;
};

nlohmann::json throughput_json(const Throughput& t) {
  return {{"runs", t.runs},
          {"client_ops", t.client_ops},
          {"events", t.events},
          {"seconds", t.seconds},
          {"client_ops_per_s", t.ops_per_s()},
          {"events_per_s", t.events_per_s()},
          {"slowest_run_client_ops_per_s", t.slowest_ops_per_s},
          {"fastest_run_client_ops_per_s", t.fastest_ops_per_s}};
}

nlohmann::json report_json(const BenchReport& r, const BenchFlags& f) {
  nlohmann::json diffs = nlohmann::json::array();
  for (const MerkleScaleResult& d : r.diffs) {
    diffs.push_back({{"keys", d.keys},
                     {"depth", d.depth},
                     {"differing_keys", d.differing_keys},
                     {"differing_leaves", d.differing_leaves.size()},
                     {"comparisons", d.comparisons},
                     {"keys_transferred", d.keys_transferred}});
  }
  return {{"throughput",
           {{"ops_per_run", f.ops},
            {"keys", f.keys},
            {"model", throughput_json(r.model)},
            {"impl", throughput_json(r.impl)},
            {"ops_ratio", r.impl.ops_per_s() / r.model.ops_per_s()},
            {"events_ratio", r.impl.events_per_s() / r.model.events_per_s()},
            {"same_digest", r.model.digest == r.impl.digest}}},
          {"direct",
           {{"model", throughput_json(r.direct_model)},
            {"impl", throughput_json(r.direct_impl)},
            {"ops_ratio", r.direct_impl.ops_per_s() / r.direct_model.ops_per_s()},
            {"same_replies", r.direct_model.digest == r.direct_impl.digest}}},
          {"merkle_update",
           {{"keys", f.merkle_keys},
            {"incremental_update_ns", r.merkle.update_ns},
            {"full_rebuild_ns", r.merkle.rebuild_ns},
            {"ratio", r.merkle.rebuild_ns / r.merkle.update_ns},
            {"roots_equal", r.merkle.roots_equal}}},
          {"merkle_diff", diffs},
          {"memory",
           {{"keys", f.memory_keys},
            {"malloc", malloc_name()},
            {"impl_bytes_per_key", r.impl_bytes_per_key},
            {"model_bytes_per_key", r.model_bytes_per_key}}},
          {"speed", speed_json(r.speed)}};
}

void print_table(const BenchReport& r, const BenchFlags& f) {
  std::printf("simulator runs (%u ops over %u keys per run, checks off, trace off; CPU time)\n",
              f.ops, f.keys);
  std::printf("  %-6s %6s %14s %14s   %s\n", "side", "runs", "client ops/s", "events/s",
              "single runs, client ops/s");
  for (const auto& [name, t] : {std::pair{"model", &r.model}, std::pair{"impl", &r.impl}}) {
    std::printf("  %-6s %6llu %14.0f %14.0f   %.0f-%.0f\n", name,
                static_cast<unsigned long long>(t->runs), t->ops_per_s(), t->events_per_s(),
                t->slowest_ops_per_s, t->fastest_ops_per_s);
  }
  std::printf("  impl/model: %.1fx client ops/s, %.1fx events/s; same run digest: %s\n",
              r.impl.ops_per_s() / r.model.ops_per_s(),
              r.impl.events_per_s() / r.model.events_per_s(),
              r.model.digest == r.impl.digest ? "yes" : "NO");
  std::printf("direct (same ops, nodes driven without the simulator)\n");
  for (const auto& [name, t] :
       {std::pair{"model", &r.direct_model}, std::pair{"impl", &r.direct_impl}}) {
    std::printf("  %-6s %6llu %14.0f %14.0f\n", name, static_cast<unsigned long long>(t->runs),
                t->ops_per_s(), t->events_per_s());
  }
  std::printf("  impl/model: %.1fx client ops/s; same replies: %s\n",
              r.direct_impl.ops_per_s() / r.direct_model.ops_per_s(),
              r.direct_model.digest == r.direct_impl.digest ? "yes" : "NO");
  std::printf("merkle at %llu keys, depth 16\n", static_cast<unsigned long long>(f.merkle_keys));
  std::printf("  incremental update %.0f ns, full rebuild %.0f ns: %.0fx; roots equal: %s\n",
              r.merkle.update_ns, r.merkle.rebuild_ns, r.merkle.rebuild_ns / r.merkle.update_ns,
              r.merkle.roots_equal ? "yes" : "NO");
  std::printf("tree diff (%.1f s total)\n  %10s %6s %9s %12s %15s\n", r.diff_seconds, "keys",
              "depth", "differing", "comparisons", "keys moved");
  for (const MerkleScaleResult& d : r.diffs) {
    std::printf("  %10llu %6u %9u %12llu %15llu\n", static_cast<unsigned long long>(d.keys),
                d.depth, d.differing_keys, static_cast<unsigned long long>(d.comparisons),
                static_cast<unsigned long long>(d.keys_transferred));
  }
  std::printf("memory at %llu keys: impl %.0f bytes/key, model %.0f bytes/key (%s)\n",
              static_cast<unsigned long long>(f.memory_keys), r.impl_bytes_per_key,
              r.model_bytes_per_key, malloc_name().c_str());
  print_speed(r.speed);
}

int run_bench(const BenchFlags& f) {
  if (!(f.seconds > 0) || f.ops == 0 || f.keys == 0 || f.merkle_keys == 0 ||
      f.memory_keys == 0) {
    std::fprintf(stderr, "dynamo-testbed bench: --seconds, --ops, --keys, --merkle-keys and "
                         "--memory-keys must be positive\n");
    return kExitBadInput;
  }
  if (f.scale_ops > 0 && (f.scale_nodes < 5 || f.scale_nodes > kMaxNodes || f.scale_keys == 0 ||
                          f.scale_keys > kMaxKeys)) {
    std::fprintf(stderr, "dynamo-testbed bench: --scale-nodes must be 5..%u (the config's "
                         "limit) and --scale-keys 1..%u\n", kMaxNodes, kMaxKeys);
    return kExitBadInput;
  }
  if (f.fuzz_seconds < 0) {
    std::fprintf(stderr, "dynamo-testbed bench: --fuzz-seconds must not be negative\n");
    return kExitBadInput;
  }
  BenchReport r;
  // First: its peak memory is read from the process's high-water mark.
  if (f.scale_ops > 0) {
    r.speed.scale = measure_scale_run(&make_impl_node, f.scale_nodes, f.scale_ops, f.scale_keys);
  }
  r.model = measure_throughput(&make_model_node, f);
  r.impl = measure_throughput(&make_impl_node, f);
  r.speed.impl_ops_per_s = r.impl.ops_per_s();
  r.speed.impl_slowest_run_ops_per_s = r.impl.slowest_ops_per_s;
  r.speed.impl_fastest_run_ops_per_s = r.impl.fastest_ops_per_s;
  r.speed.impl_model_ratio = r.impl.ops_per_s() / r.model.ops_per_s();
  if (f.fuzz_seconds > 0) {
    r.speed.fuzz_full = measure_differential(kFullFuzzBudget, f.fuzz_seconds);
    r.speed.fuzz_quick = measure_differential(kQuickFuzzBudget, f.fuzz_seconds);
    r.speed.fuzz_fast = measure_differential(kFastFuzzBudget, f.fuzz_seconds);
  }
  r.direct_model = measure_direct(&make_model_node, f);
  r.direct_impl = measure_direct(&make_impl_node, f);
  r.speed.direct_ratio = r.direct_impl.ops_per_s() / r.direct_model.ops_per_s();
  r.merkle = measure_merkle_update(f.merkle_keys, 16);
  const Clock::time_point start = Clock::now();
  for (uint32_t differing : {1u, 10u, 1000u}) {
    if (differing > f.diff_keys) continue;
    r.diffs.push_back(run_merkle_at_scale(f.diff_keys, 16, differing));
  }
  r.diff_seconds = seconds_since(start);
  r.impl_bytes_per_key = memory_per_key(&make_impl_node, f.memory_keys);
  r.model_bytes_per_key = memory_per_key(&make_model_node, f.memory_keys);
  if (f.json) {
    std::printf("%s\n", report_json(r, f).dump(2).c_str());
  } else {
    print_table(r, f);
  }
  const bool fuzz_clean = (!r.speed.fuzz_full || r.speed.fuzz_full->failures == 0) &&
                          (!r.speed.fuzz_quick || r.speed.fuzz_quick->failures == 0) &&
                          (!r.speed.fuzz_fast || r.speed.fuzz_fast->failures == 0);
  const bool sound = fuzz_clean && r.model.digest == r.impl.digest &&
                     r.direct_model.digest == r.direct_impl.digest && r.merkle.roots_equal;
  return sound ? kExitOk : kExitViolation;
}

}  // namespace

void add_bench_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<BenchFlags>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Model vs impl throughput, Merkle update/diff cost and impl memory per key");
  cmd->add_flag("--json", flags->json, "Print the numbers as JSON");
  cmd->add_option("--seconds", flags->seconds, "Wall seconds per throughput side (default 2)");
  cmd->add_option("--ops", flags->ops, "Client ops per throughput run (default 100000)");
  cmd->add_option("--keys", flags->keys, "Keys per throughput run (default 100000)");
  cmd->add_option("--merkle-keys", flags->merkle_keys, "Keys for update vs rebuild (default 1M)");
  cmd->add_option("--diff-keys", flags->diff_keys, "Keys for the tree-diff runs (default 16M)");
  cmd->add_option("--memory-keys", flags->memory_keys, "Keys for memory per key (default 1M)");
  cmd->add_option("--scale-nodes", flags->scale_nodes,
                  "Nodes in the large-cluster impl run (default 1000)");
  cmd->add_option("--scale-ops", flags->scale_ops,
                  "Client ops in the large-cluster run (default 1M; 0 skips it)");
  cmd->add_option("--scale-keys", flags->scale_keys,
                  "Keys in the large-cluster run (default 100k)");
  cmd->add_option("--fuzz-seconds", flags->fuzz_seconds,
                  "CPU seconds per differential fuzz budget (default 2; 0 skips)");
  cmd->callback([flags, &exit_code] { exit_code = run_bench(*flags); });
}

}  // namespace dt
