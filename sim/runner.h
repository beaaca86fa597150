// The schedule runner: one schedule in, one run out (history, replica trace,
// digest). A run has a safety phase (schedule events and the generated
// workload until workload.duration_ns), then the final heal (every down node
// restarts, paused nodes resume, partitions and link faults clear; clock
// skews stay), then quiescence rounds until the home replicas agree, then
// final reads. Same schedule + same factories => byte-identical results.
//
// Conventions the schedule author should know (more in docs/simulator.md):
// - Events at or before workload.duration_ns run; one at exactly duration_ns
//   runs just before the final heal.
// - A `link` event with delay_min_ns == delay_max_ns == 0 keeps the base
//   delay (config.network_delay_*, distribution included); it only changes
//   drop/duplicate. One with its own range is uniform in it.
// - A fault that does not apply is a no-op with no trace record: crash or
//   pause of a down node, restart of an up node, resume of a running one.
//   A wipe always applies (a down node can lose its disk too).
// - Messages to a node that crashed since they were sent are lost, as are
//   client requests arriving at a down node. A crash ends a pause.
// - Events addressed to a paused node wait, in order, until it resumes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/node.h"
#include "core/run_record.h"
#include "core/schedule.h"
#include "sim/run_digest.h"

namespace dt {

struct RunOptions {
  NodeFactory primary = nullptr;  // required (the model, by convention)
  NodeFactory shadow = nullptr;   // when set: lockstep refinement (the impl)
  // false: no trace records; without a shadow, nodes are told nobody reads
  // them (Effects::trace_wanted) and the impl does not build its hot-path ones.
  bool record_trace = true;
  bool compute_digest = true;     // false: RunResult.digest stays 0 (nobody reads it)
  uint64_t max_events = 20'000'000;  // exceeding it is an internal error (DT_ASSERT)
  // Lockstep only. Effects are compared after every event; abstract states
  // after every state_check_interval-th event (each node that handled an
  // event since the last check) and at the end of the run. 1 = after every
  // event: a divergence is reported at the exact event. Larger is cheaper, but
  // a divergence is reported where it was seen, at or after where it began,
  // and a state difference that heals before a check goes unseen.
  uint32_t state_check_interval = 1;
};

// The first event after which model (primary) and impl (shadow) disagreed.
struct Divergence {
  uint64_t event_index = 0;  // 0-based count of simulator events before this one
  TimeNs time_ns = 0;
  NodeId node = kNoNode;
  std::string event;                      // "message StoreRequest ... from 2 to 4"
  std::vector<std::string> differences;   // effect and state differences
  // Seen by a sparse state check (state_check_interval > 1): the states
  // began to differ at or before event_index, not necessarily there.
  bool at_state_check = false;
};

struct RunStats {
  uint64_t events = 0;
  uint64_t messages_sent = 0;       // node sends (a duplicate counts once)
  uint64_t messages_delivered = 0;  // copies handed to on_message
  uint64_t messages_dropped = 0;    // copies lost: link drop, partition, crash
  uint64_t client_ops = 0;          // ops invoked (final reads included)
};

struct RunResult {
  History history;
  ReplicaTrace trace;
  uint64_t digest = 0;
  RunStats stats;
  std::optional<Divergence> divergence;  // lockstep only; the run stopped there
};

// REQUIRES: options.primary set; check_runnable(schedule) is ok (asserted).
RunResult run_schedule(const Schedule& schedule, const RunOptions& options);

}  // namespace dt
