// A node's trace as the state fingerprint sees it, in two strengths.
//
// - ordered(): every record the node emitted, in order (times left out).
// - commuted(): the node's steps between barriers as a multiset. A step's
//   records (one event the node handled) stay one ordered block; blocks
//   between two barriers may come in any order; a barrier (a step that
//   crashed, restarted, wiped, paused or resumed the node, or lost data)
//   and everything before it stay in order.
//
// Why commuted() is enough: two paths that store two concurrent writes at a
// replica in either order, or count two acks in either order, end with equal
// nodes and the same blocks; only the order of those blocks differs. A
// checker reads those records for what they say happened (which versions a
// replica held, which replies a request counted), and the blocks, the node
// and the history are equal. What could tell the orders apart is the time of
// a record against a crash or wipe of the same node, and those stay ordered.
// Tests: tests/explore/fingerprint_test.cc (merged states have the same
// future and verdict) and search_test.cc (no zoo bug lost).
#pragma once

#include <cstdint>

#include "core/trace.h"

namespace dt {

class TraceIdentity {
 public:
  // A record of the node's current step.
  void add(TraceKind kind, uint64_t record_hash);
  // Ends the current step (no-op if it emitted nothing).
  void end_step();

  uint64_t ordered() const { return ordered_; }
  // REQUIRES: no step open (end_step() called after the last add()).
  uint64_t commuted() const;

 private:
  uint64_t ordered_ = 0;
  uint64_t prefix_ = 0;        // closed segments and their barriers, in order
  uint64_t segment_sum_ = 0;   // the open segment's blocks, order-free (sum of mixed hashes)
  uint64_t segment_blocks_ = 0;
  uint64_t block_ = 0;         // the open step's records, in order
  bool block_open_ = false;
  bool block_is_barrier_ = false;
};

// Kinds whose step keeps its place in the node's order.
bool is_trace_barrier(TraceKind kind);

}  // namespace dt
