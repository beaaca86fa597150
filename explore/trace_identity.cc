#include "explore/trace_identity.h"

#include "core/assert.h"
#include "core/hash.h"

namespace dt {

bool is_trace_barrier(TraceKind kind) {
  switch (kind) {
    case TraceKind::crashed:
    case TraceKind::restarted:
    case TraceKind::wiped:
    case TraceKind::paused:
    case TraceKind::resumed:
    case TraceKind::lost_on_crash:
    case TraceKind::lost_on_wipe:
    case TraceKind::clock_skewed: return true;
    default: return false;
  }
}

void TraceIdentity::add(TraceKind kind, uint64_t record_hash) {
  ordered_ = hash_combine(ordered_, record_hash);
  block_ = hash_combine(block_, record_hash);
  block_open_ = true;
  block_is_barrier_ = block_is_barrier_ || is_trace_barrier(kind);
}

void TraceIdentity::end_step() {
  if (!block_open_) return;
  if (block_is_barrier_) {
    const uint64_t segment = hash_combine(hash_combine(prefix_, segment_sum_), segment_blocks_);
    prefix_ = hash_combine(segment, block_);
    segment_sum_ = 0;
    segment_blocks_ = 0;
  } else {
    // hash_u64 spreads each block so that sums of different multisets differ
    // (as with any 64-bit identity, up to collisions).
    segment_sum_ += hash_u64(block_, 0x5eed);
    ++segment_blocks_;
  }
  block_ = 0;
  block_open_ = block_is_barrier_ = false;
}

uint64_t TraceIdentity::commuted() const {
  DT_ASSERT(!block_open_, "trace identity read inside a step");
  return hash_combine(hash_combine(prefix_, segment_sum_), segment_blocks_);
}

}  // namespace dt
