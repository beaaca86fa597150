#include "cli/timeline.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace dt {

namespace {

std::string time_text(TimeNs t) { return fmt::format("{:>12.3f}ms", t / 1e6); }

std::string value_text(const HistoryOp& op) {
  return op.value ? fmt::format(" value={}", *op.value) : std::string();
}

}  // namespace

std::string describe_op(const HistoryOp& op) {
  std::string out = fmt::format("client p{} {} {} key={}{}", op.process, to_string(op.type),
                                to_string(op.f), op.key, value_text(op));
  if (op.write_id != 0) out += fmt::format(" write=w{}", op.write_id);
  if (op.type == OpType::invoke && op.coordinator != kNoNode) {
    out += fmt::format(" via node {}", op.coordinator);
  }
  if (op.type == OpType::ok && op.f == OpFn::get) {
    out += op.not_found ? " -> not found" : " -> " + to_string(op.read);
  }
  if (!op.error.empty()) out += " (" + op.error + ")";
  return out;
}

std::string describe_record(const TraceRecord& r) {
  std::string out = r.node == kNoNode ? std::string("cluster") : fmt::format("node {}", r.node);
  out += fmt::format(" {}", to_string(r.kind));
  if (r.peer != kNoNode) out += fmt::format(" peer={}", r.peer);
  switch (r.kind) {
    case TraceKind::stored:
    case TraceKind::hinted:
    case TraceKind::handed_off:
    case TraceKind::hint_deleted:
    case TraceKind::repaired:
    case TraceKind::anti_entropy_stored:
    case TraceKind::lost_on_crash:
    case TraceKind::lost_on_wipe:
      out += fmt::format(" key={} w{}@{}:{}{}", r.key, r.write_id, r.dot.actor, r.dot.counter,
                         r.tombstone ? " tombstone" : "");
      break;
    case TraceKind::request_started:
    case TraceKind::target_chosen:
    case TraceKind::replica_replied:
    case TraceKind::request_finished:
      out += fmt::format(" op={} key={}", r.op_id, r.key);
      break;
    case TraceKind::merkle_exchange:
      out += fmt::format(" partition={} comparisons={} keys={}", r.partition, r.count, r.extra);
      break;
    default:
      break;
  }
  if (!r.detail.empty()) out += " " + r.detail;
  return out;
}

std::string format_timeline(const History& history, const ReplicaTrace& trace) {
  struct Line {
    TimeNs time_ns;
    std::string text;
  };
  std::vector<Line> lines;
  lines.reserve(history.size() + trace.records.size() + 2);
  for (const TraceRecord& r : trace.records) lines.push_back({r.time_ns, describe_record(r)});
  for (const HistoryOp& op : history) lines.push_back({op.time_ns, describe_op(op)});
  lines.push_back({trace.final_heal_ns, "---- final heal: all nodes up, network healed ----"});
  if (trace.final_reads_ns > 0) {
    lines.push_back({trace.final_reads_ns, "---- final reads ----"});
  }
  // Stable: at equal times trace records (which caused a reply) come first.
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.time_ns < b.time_ns; });
  std::string out;
  for (const Line& line : lines) out += time_text(line.time_ns) + "  " + line.text + "\n";
  return out;
}

}  // namespace dt
