// The seed's "durability window", read from a recorded run: for each
// acknowledged write, how long after its ack it had fewer than N copies
// (main-store replicas plus hint holders, versions superseding it counted,
// followed by checks/copy_tracker.h), and whether the durability checker
// found it lost by faults or lost with no explanation.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "core/history.h"
#include "core/run_record.h"
#include "core/status.h"

namespace dt {

struct WriteWindow {
  WriteId write_id = 0;
  TimeNs acked_ns = 0;
  // Time in [ack, end of the trace] with fewer than N copies. A lost write's
  // window never closes: it counts up to the end of the trace.
  TimeNs below_n_ns = 0;
  bool lost = false;  // missing after quiescence (checks/durability.h)
};

struct CopyWindows {
  std::vector<WriteWindow> writes;     // acknowledged writes, in history order
  uint64_t lost_to_faults = 0;         // durability: write_lost_to_faults
  uint64_t lost_unexplained = 0;       // any other loss: a bug
  uint64_t hints_lost_on_crash = 0;    // volatile hints dropped by crashes
};

// REQUIRES: the run was recorded with its trace. Errors only for a history
// that cannot be indexed (a recorder bug).
Result<CopyWindows> copy_windows(const Config& config, const History& history,
                                 const ReplicaTrace& trace);

}  // namespace dt
