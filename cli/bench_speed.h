// The simulator speed numbers `dynamo-testbed bench` reports beside its
// throughput table: one large-cluster run (time, events, peak memory per
// node) and the differential fuzz body's executions per second, without
// libFuzzer or sanitizers, at the full, quick and fast budgets (fuzz_entry.h).
#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/node.h"
#include "fuzz/fuzz_entry.h"

namespace dt {

struct ScaleRunResult {
  uint32_t nodes = 0;
  uint64_t client_ops = 0, events = 0, digest = 0, history_events = 0;
  double cpu_seconds = 0;
  // Growth of the process's peak resident set during the run.
  uint64_t peak_bytes = 0;
  // Heap bytes the run's result still holds when it returns: its history
  // (every invoke and completion, with what each get read) and final states.
  // They grow with the ops, not the nodes, and are most of the peak.
  uint64_t result_bytes = 0;
  // The rest of the peak per node: the nodes, the events in flight, the
  // simulator and allocator slack at the peak. An upper bound on what a node
  // holds; it does not grow with the ops once every key is written.
  double rest_bytes_per_node() const {
    return peak_bytes > result_bytes ? static_cast<double>(peak_bytes - result_bytes) / nodes : 0;
  }
  // The whole peak per node (the figure reported before the split).
  double peak_bytes_per_node() const { return static_cast<double>(peak_bytes) / nodes; }
};

// One run of scale_schedule(1, nodes, ops, keys) with `factory`, trace off.
// Run it before anything bigger: peak RSS only grows.
ScaleRunResult measure_scale_run(NodeFactory factory, uint32_t nodes, uint32_t ops,
                                 uint32_t keys);

struct DifferentialRate {
  uint64_t execs = 0, failures = 0;
  double cpu_seconds = 0;
  double execs_per_s() const { return static_cast<double>(execs) / cpu_seconds; }
};

// differential_one (model and impl in lockstep, all checks) on pseudo-random
// inputs of 0..255 bytes until `seconds` of CPU time have passed.
DifferentialRate measure_differential(const FuzzBudget& budget, double seconds);

// The goals of issue 13 ("Speed"), as bench checks them.
inline constexpr double kGoalImplOpsPerS = 300'000;
inline constexpr double kGoalImplModelRatio = 10;
inline constexpr double kGoalScaleCpuSeconds = 10;
inline constexpr uint32_t kGoalScaleNodes = 1000;
inline constexpr uint32_t kGoalScaleOps = 1'000'000;
inline constexpr double kGoalFuzzExecsPerS = 2000;

struct SpeedReport {
  double impl_ops_per_s = 0;    // impl in the simulator, whole runs
  // The same, the slowest and the fastest single run (the goal is judged
  // on the mean above; the spread shows the machine's noise).
  double impl_slowest_run_ops_per_s = 0, impl_fastest_run_ops_per_s = 0;
  double impl_model_ratio = 0;  // the same, impl over model
  // The nodes alone, impl over model (bench's "direct" runs; 0 if not run).
  // A whole run adds the simulator's cost to both sides, so its ratio stays
  // below this one: the ceiling of impl_model_ratio while the nodes cost
  // what they do.
  double direct_ratio = 0;
  std::optional<ScaleRunResult> scale;
  std::optional<DifferentialRate> fuzz_full, fuzz_quick, fuzz_fast;
};

nlohmann::json speed_json(const SpeedReport& report);
// One line per goal: the measured number and whether it meets the goal.
void print_speed(const SpeedReport& report);

// This process's CPU time in seconds (the machine is shared: wall time would
// measure the neighbours).
double process_cpu_seconds();

}  // namespace dt
