#include "sim/runner.h"

#include <set>
#include <utility>

#include "core/assert.h"
#include "sim/quiescence.h"
#include "sim/schedule_check.h"
#include "sim/simulator.h"

namespace dt {

namespace {

// Keys the final reads cover: 0..keys-1 plus every key a scripted op used.
std::vector<Key> final_read_keys(const Schedule& schedule) {
  std::set<Key> keys;
  for (Key k = 0; k < schedule.workload.keys; ++k) keys.insert(k);
  for (const ScheduleEvent& e : schedule.events) {
    if (is_client_op(e.kind)) keys.insert(e.key);
  }
  return std::vector<Key>(keys.begin(), keys.end());
}

// The liveness phase: rounds until every partition's home replicas agree
// and no hint is left, or the bound. False when a divergence stopped the run.
bool run_quiescence(Simulator& sim, const Schedule& schedule, ReplicaTrace& trace) {
  const Config& config = schedule.config;
  const TimeNs round_ns = config.quiescence_round_ns();
  DT_ASSERT(round_ns > 0 && config.quiescence_rounds > 0, "empty quiescence phase");
  for (uint32_t round = 1; round <= config.quiescence_rounds; ++round) {
    if (!sim.run_until(sim.now_ns() + round_ns)) return false;
    trace.quiescence_rounds_used = round;
    if (cluster_quiesced(config, sim.primary_states())) {
      trace.quiesced = true;
      return true;
    }
  }
  DT_ASSERT(trace.quiescence_rounds_used == config.quiescence_rounds, "rounds miscounted");
  return true;
}

void run_phases(Simulator& sim, const Schedule& schedule, ReplicaTrace& trace) {
  trace.final_heal_ns = schedule.workload.duration_ns;
  if (!sim.run_until(schedule.workload.duration_ns)) return;
  if (!run_quiescence(sim, schedule, trace)) return;
  trace.final_reads_ns = sim.now_ns();
  if (schedule.workload.final_reads) {
    sim.clients().start_final_reads(sim.now_ns(), final_read_keys(schedule));
  }
  // Wait for every open op (final reads and stragglers); client timeouts bound it.
  sim.run_until_clients_idle();
}

}  // namespace

RunResult run_schedule(const Schedule& schedule, const RunOptions& options) {
  DT_ASSERT(options.primary != nullptr, "RunOptions.primary is required");
  const Status runnable = check_runnable(schedule);
  if (!runnable) DT_ASSERT(false, runnable.message());

  RunResult result;
  Simulator sim(schedule, options);
  run_phases(sim, schedule, result.trace);
  // Sparse lockstep: the nodes that ran since the last state check.
  if (!sim.divergence()) sim.check_pending_states();

  result.history = sim.clients().take_history();
  result.trace.records = sim.take_records();
  // Often no event ran since the last quiescence check: its states are reused.
  result.trace.final_states = sim.take_primary_states();
  result.trace.coverage = sim.coverage();
  result.stats = sim.stats();
  result.stats.client_ops = sim.clients().ops_invoked();
  result.divergence = sim.divergence();
  if (options.compute_digest) result.digest = run_digest(result.history, result.trace);
  DT_ASSERT(result.trace.final_states.size() == schedule.config.nodes, "final states missing");
  return result;
}

}  // namespace dt
