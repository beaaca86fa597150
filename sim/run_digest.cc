#include "sim/run_digest.h"

#include <fmt/format.h>

#include "core/assert.h"
#include "core/hash.h"
#include "core/state_fingerprint.h"

namespace dt {

namespace {

void add_op(Hasher& h, const HistoryOp& op) {
  h.add_u64(op.index);
  h.add_u64(op.time_ns);
  h.add_u64(op.process);
  add_history_fields(h, op);  // the fields the explorer's state identity hashes too
}

void add_record(Hasher& h, const TraceRecord& r) {
  h.add_u64(r.time_ns);
  add_record_fields(h, r);  // the fields the explorer's state identity hashes too
}

}  // namespace

uint64_t run_digest(const History& history, const ReplicaTrace& trace) {
  Hasher h;
  h.add_string("dt-run-digest-v1");
  h.add_u64(history.size());
  for (size_t i = 0; i < history.size(); ++i) {
    DT_ASSERT(history[i].index == i, "history indices are not dense");
    add_op(h, history[i]);
  }
  h.add_u64(trace.records.size());
  for (const TraceRecord& r : trace.records) add_record(h, r);
  h.add_u64(trace.final_heal_ns);
  h.add_u64(trace.quiescence_rounds_used);
  h.add_u64(trace.quiesced ? 1 : 0);
  h.add_u64(trace.final_reads_ns);
  h.add_u64(trace.final_states.size());
  for (const NodeState& s : trace.final_states) h.add_u64(s.digest());
  for (uint64_t count : trace.coverage) h.add_u64(count);
  return h.finish();
}

std::string digest_hex(uint64_t digest) {
  static_assert(sizeof(digest) == 8, "a digest is 64 bits");
  std::string out = fmt::format("{:016x}", digest);
  DT_ASSERT(out.size() == 16, "digest text is not 16 hex digits");
  return out;
}

}  // namespace dt
