#include "report/run_data.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/assert.h"
#include "histories/config_json.h"
#include "histories/schedule_json.h"
#include "report/fault_bands.h"
#include "report/op_spans.h"
#include "report/replica_states.h"

namespace dt {

namespace {

// Past this many keys the replica table lists only the first (differing first).
constexpr size_t kMaxReplicaKeys = 5000;

// Records as compact rows: [t, node, kind, peer, key, op, write, count, extra,
// partition, detail, tombstone]; kind indexes "kinds". -1 = no node.
void add_records(const ReplicaTrace& trace, Json& data) {
  std::map<std::string, size_t> kind_index;
  Json kinds = Json::array(), rows = Json::array();
  auto node_or_none = [](NodeId n) { return n == kNoNode ? Json(-1) : Json(n); };
  for (const TraceRecord& r : trace.records) {
    const std::string name = to_string(r.kind);
    auto [it, added] = kind_index.emplace(name, kinds.size());
    if (added) kinds.push_back(name);
    rows.push_back(Json::array({r.time_ns, node_or_none(r.node), it->second,
                                node_or_none(r.peer), r.key, r.op_id, r.write_id, r.count,
                                r.extra, r.partition, r.detail, r.tombstone ? 1 : 0}));
  }
  data["kinds"] = std::move(kinds);
  data["records"] = std::move(rows);
}

TimeNs end_of_run(const RunFiles& f) {
  TimeNs end = std::max(f.trace.final_heal_ns, f.trace.final_reads_ns);
  if (!f.history.empty()) end = std::max(end, f.history.back().time_ns);
  if (!f.trace.records.empty()) end = std::max(end, f.trace.records.back().time_ns);
  return std::max<TimeNs>(end, 1);
}

Json coverage_json(const CoverageCounts& coverage) {
  Json out = Json::object();
  for (size_t m = 0; m < kCoverageMarkCount; ++m) {
    out[to_string(static_cast<CoverageMark>(m))] = coverage[m];
  }
  return out;
}

}  // namespace

Status check_witnesses(const RunFiles& files, const std::string& report_file) {
  const size_t ops = files.history.size();
  const uint32_t nodes = files.schedule.config.nodes;
  for (size_t p = 0; p < files.report.verdicts.size(); ++p) {
    const PropertyVerdict& v = files.report.verdicts[p];
    for (size_t i = 0; i < v.violations.size(); ++i) {
      const Violation& w = v.violations[i];
      const std::string path = report_file + ": verdicts[" + std::to_string(p) +
                               "].violations[" + std::to_string(i) + "]";
      for (uint64_t op : w.op_indices) {
        if (op >= ops) {
          return Status::error(path + ".op_indices: " + std::to_string(op) +
                               " is not an op of the history (" + std::to_string(ops) + " ops)");
        }
      }
      for (NodeId n : w.nodes) {
        if (n >= nodes) {
          return Status::error(path + ".nodes: " + std::to_string(n) + " is not a node");
        }
      }
    }
  }
  return Status::ok();
}

Json run_page_data(const RunFiles& f) {
  Json data = Json::object();
  data["kind"] = f.kind;
  data["title"] = f.title;
  data["seed"] = f.schedule.seed;
  data["config"] = config_to_json(f.schedule.config);
  data["inject"] = f.schedule.inject;
  data["end_ns"] = end_of_run(f);
  data["duration_ns"] = f.schedule.workload.duration_ns;
  data["final_heal_ns"] = f.trace.final_heal_ns;
  data["final_reads_ns"] = f.trace.final_reads_ns;
  data["quiesced"] = f.trace.quiesced;
  data["quiescence_rounds_used"] = f.trace.quiescence_rounds_used;
  data["ops"] = op_spans_json(op_spans(f.history));
  add_records(f.trace, data);
  const TimeNs heal = std::max(f.trace.final_heal_ns, f.schedule.events.empty()
                                                          ? TimeNs{0}
                                                          : f.schedule.events.back().at_ns);
  data["faults"] = to_json(fault_picture(f.schedule, heal));
  Result<Json> schedule = parse_json(write_schedule_json(f.schedule));
  DT_ASSERT(schedule.is_ok(), "the schedule writer writes valid JSON");
  data["events"] = schedule.value()["events"];
  data["report"] = Json::parse(to_json(f.report).dump());
  data["replicas"] =
      replica_states_json(f.schedule.config, f.history, f.trace, kMaxReplicaKeys);
  data["coverage"] = coverage_json(f.trace.coverage);
  data["divergence"] = f.divergence ? *f.divergence : Json(nullptr);
  data["report_text"] = f.report_text;
  return data;
}

}  // namespace dt
