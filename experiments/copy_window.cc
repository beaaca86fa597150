// Durability windows from copy tracking (copy_window.h).
#include "experiments/copy_window.h"

#include <algorithm>
#include <map>

#include "checks/check_context.h"
#include "checks/copy_tracker.h"
#include "checks/durability.h"
#include "checks/supersession.h"

namespace dt {

namespace {

// Replays the key's records and node faults through a CopyTracker and sums
// the time after the ack with fewer than N live copies.
TimeNs below_n_time(const CheckContext& ctx, const Supersession& supersession,
                    const IndexedOp& write, TimeNs end_ns) {
  const ReplicaTrace& trace = ctx.input.trace;
  const std::vector<uint32_t>& of_key = ctx.trace.records_of_key(write.key);
  const std::vector<uint32_t>& faults = ctx.trace.node_fault_records();
  std::vector<uint32_t> records;
  std::merge(of_key.begin(), of_key.end(), faults.begin(), faults.end(),
             std::back_inserter(records));
  CopyTracker copies(ctx.input.config, supersession.descendants(write.write_id), write.write_id);
  const size_t n = ctx.input.config.replicas_n;
  TimeNs below_ns = 0;
  TimeNs last_ns = write.completion_ns;
  for (uint32_t position : records) {
    const TraceRecord& record = trace.records[position];
    if (record.time_ns > last_ns) {
      if (copies.live_copies() < n) below_ns += record.time_ns - last_ns;
      last_ns = record.time_ns;
    }
    copies.apply(record);
  }
  if (end_ns > last_ns && copies.live_copies() < n) below_ns += end_ns - last_ns;
  return below_ns;
}

}  // namespace

Result<CopyWindows> copy_windows(const Config& config, const History& history,
                                 const ReplicaTrace& trace) {
  const CheckInput input{config, history, trace};
  Result<CheckContext> built = build_check_context(input);
  if (!built.is_ok()) return built.status();
  const CheckContext& ctx = built.value();
  CopyWindows out;
  std::map<WriteId, bool> lost;  // write -> lost to faults (else unexplained)
  for (const Violation& v : check_durability(ctx).violations) {
    if (v.kind == "durable_hint_lost") continue;  // counted below as a hint loss
    const bool by_faults = v.kind == "write_lost_to_faults";
    ++(by_faults ? out.lost_to_faults : out.lost_unexplained);
    for (WriteId w : v.writes) lost[w] = true;
  }
  for (const TraceRecord& r : trace.records) {
    if (r.kind == TraceKind::lost_on_crash) ++out.hints_lost_on_crash;
  }
  const TimeNs end_ns = trace.records.empty() ? 0 : trace.records.back().time_ns;
  const Supersession supersession(ctx.index, ctx.writes);
  for (const IndexedOp& op : ctx.index.ops()) {
    if (!is_write(op.f) || !op.ok()) continue;
    WriteWindow window{op.write_id, op.completion_ns, 0, lost.count(op.write_id) != 0};
    window.below_n_ns = below_n_time(ctx, supersession, op, std::max(end_ns, op.completion_ns));
    out.writes.push_back(window);
  }
  return out;
}

}  // namespace dt
