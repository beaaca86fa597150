#include "histories/trace_json.h"

#include <utility>

#include "histories/json_util.h"
#include "histories/node_state_json.h"

namespace dt {

namespace {

// Node ids in records when the trace has no final states to count nodes by.
constexpr uint32_t kMaxNodes = 64;

Json record_to_json(const TraceRecord& rec) {
  Json j = Json::object();
  j["time_ns"] = rec.time_ns;
  if (rec.node != kNoNode) j["node"] = rec.node;
  j["kind"] = to_string(rec.kind);
  if (rec.peer != kNoNode) j["peer"] = rec.peer;
  if (rec.key != 0) j["key"] = rec.key;
  if (rec.op_id != 0) j["op_id"] = rec.op_id;
  if (rec.write_id != 0) j["write_id"] = rec.write_id;
  if (rec.dot != Dot{}) j["dot"] = Json::array({rec.dot.actor, rec.dot.counter});
  if (rec.partition != 0) j["partition"] = rec.partition;
  if (rec.count != 0) j["count"] = rec.count;
  if (rec.extra != 0) j["extra"] = rec.extra;
  if (rec.tombstone) j["tombstone"] = true;
  if (!rec.detail.empty()) j["detail"] = rec.detail;
  DT_ASSERT(j.contains("kind") && j.contains("time_ns"), "time and kind always written");
  return j;
}

Json coverage_to_json(const CoverageCounts& coverage) {
  Json j = Json::object();
  for (size_t i = 0; i < kCoverageMarkCount; ++i) {
    j[to_string(static_cast<CoverageMark>(i))] = coverage[i];
  }
  DT_ASSERT(j.size() == kCoverageMarkCount, "mark names are distinct");
  return j;
}

// A record's dot may be unset ([0, 0]), unlike a stored version's.
Status read_record_dot(const Json& json, const std::string& path, Dot& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  if (size != 2) return Status::error(path + ": expected [actor, counter]");
  if (Status s = read_u32(json[0], element_path(path, 0), out.actor); !s) return s;
  return read_u64(json[1], element_path(path, 1), out.counter);
}

void read_kind(ObjectReader& r, TraceRecord& rec) {
  std::string kind;
  r.read("kind", kind, Need::required);
  if (!r.ok()) return;
  if (std::optional<TraceKind> parsed = parse_trace_kind(kind)) {
    rec.kind = *parsed;
  } else {
    r.fail(Status::error(r.path_of("kind") + ": \"" + kind + "\" is not a trace kind"));
  }
}

Status check_node_id(ObjectReader& r, const char* name, NodeId node, uint32_t nodes) {
  if (node == kNoNode || node < nodes) return Status::ok();
  return Status::error(r.path_of(name) + ": " + std::to_string(node) +
                       " is not a node (nodes are 0.." + std::to_string(nodes - 1) + ")");
}

Result<TraceRecord> record_from_json(const Json& json, const std::string& path, uint32_t nodes) {
  TraceRecord rec;
  ObjectReader r(json, path);
  r.read("time_ns", rec.time_ns, Need::required);
  r.read("node", rec.node, Need::optional);
  read_kind(r, rec);
  r.read("peer", rec.peer, Need::optional);
  r.read("key", rec.key, Need::optional);
  r.read("op_id", rec.op_id, Need::optional);
  r.read("write_id", rec.write_id, Need::optional);
  if (const Json* dot = r.field("dot", Need::optional)) {
    if (Status s = read_record_dot(*dot, r.path_of("dot"), rec.dot); !s) r.fail(s);
  }
  r.read("partition", rec.partition, Need::optional);
  r.read("count", rec.count, Need::optional);
  r.read("extra", rec.extra, Need::optional);
  r.read("tombstone", rec.tombstone, Need::optional);
  r.read("detail", rec.detail, Need::optional);
  if (Status s = r.finish("a trace record"); !s) return s;
  DT_ASSERT(nodes >= 1, "a trace has nodes");
  if (Status s = check_node_id(r, "node", rec.node, nodes); !s) return s;
  if (Status s = check_node_id(r, "peer", rec.peer, nodes); !s) return s;
  return rec;
}

Status read_coverage(const Json& json, CoverageCounts& out) {
  ObjectReader r(json, "coverage");
  for (size_t i = 0; i < kCoverageMarkCount; ++i) {
    r.read(to_string(static_cast<CoverageMark>(i)), out[i], Need::optional);
  }
  return r.finish("the coverage (not a coverage mark)");
}

Status read_final_states(const Json& json, ReplicaTrace& trace) {
  size_t size = 0;
  if (Status s = expect_array(json, "final_states", size); !s) return s;
  trace.final_states.resize(size);
  for (size_t i = 0; i < size; ++i) {
    const std::string path = element_path("final_states", i);
    if (Status s = read_node_state(json[i], path, trace.final_states[i]); !s) return s;
    if (trace.final_states[i].node != i) {
      return Status::error(path + ".node: " + std::to_string(trace.final_states[i].node) +
                           ", expected " + std::to_string(i) + " (one state per node, in order)");
    }
  }
  return Status::ok();
}

Status read_records(const Json& json, ReplicaTrace& trace) {
  size_t size = 0;
  if (Status s = expect_array(json, "records", size); !s) return s;
  const uint32_t nodes =
      trace.final_states.empty() ? kMaxNodes : static_cast<uint32_t>(trace.final_states.size());
  trace.records.reserve(size);
  for (size_t i = 0; i < size; ++i) {
    const std::string path = element_path("records", i);
    Result<TraceRecord> rec = record_from_json(json[i], path, nodes);
    if (!rec) return rec.status();
    if (!trace.records.empty() && rec.value().time_ns < trace.records.back().time_ns) {
      return Status::error(path + ".time_ns: " + std::to_string(rec.value().time_ns) +
                           " is before the previous record's (" +
                           std::to_string(trace.records.back().time_ns) + ")");
    }
    trace.records.push_back(std::move(rec).value());
  }
  DT_ASSERT(trace.records.size() == size, "one record per array entry");
  return Status::ok();
}

Status trace_from_json(const Json& doc, ReplicaTrace& trace) {
  ObjectReader r(doc, "");
  if (Status s = check_header(r, kTraceFormat, kTraceVersion); !s) return s;
  r.read("final_heal_ns", trace.final_heal_ns, Need::required);
  r.read("quiescence_rounds_used", trace.quiescence_rounds_used, Need::required);
  r.read("quiesced", trace.quiesced, Need::required);
  r.read("final_reads_ns", trace.final_reads_ns, Need::required);
  if (const Json* coverage = r.field("coverage", Need::required)) {
    if (Status s = read_coverage(*coverage, trace.coverage); !s) return s;
  }
  if (const Json* states = r.field("final_states", Need::required)) {
    if (Status s = read_final_states(*states, trace); !s) return s;
  }
  if (const Json* records = r.field("records", Need::required)) {
    if (Status s = read_records(*records, trace); !s) return s;
  }
  return r.finish("a trace");
}

}  // namespace

std::string write_trace_json(const ReplicaTrace& trace) {
  Json doc = Json::object();
  doc["format"] = kTraceFormat;
  doc["version"] = kTraceVersion;
  doc["final_heal_ns"] = trace.final_heal_ns;
  doc["quiescence_rounds_used"] = trace.quiescence_rounds_used;
  doc["quiesced"] = trace.quiesced;
  doc["final_reads_ns"] = trace.final_reads_ns;
  doc["coverage"] = coverage_to_json(trace.coverage);
  doc["final_states"] = Json::array();
  for (const NodeState& state : trace.final_states) {
    doc["final_states"].push_back(node_state_to_json(state));
  }
  doc["records"] = Json::array();
  for (const TraceRecord& rec : trace.records) doc["records"].push_back(record_to_json(rec));
  DT_ASSERT(doc["records"].size() == trace.records.size(), "every record written");
  return dump_document(doc, {"final_states", "records"});
}

Result<ReplicaTrace> read_trace_json(std::string_view text, std::string_view file_name) {
  Result<Json> doc = parse_json(text);
  if (!doc) return in_file(file_name, doc.status());
  ReplicaTrace trace;
  if (Status s = trace_from_json(doc.value(), trace); !s) return in_file(file_name, s);
  return trace;
}

Result<ReplicaTrace> load_trace_file(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text) return text.status();
  return read_trace_json(text.value(), path);
}

}  // namespace dt
