#include "checks/trace_facts.h"

#include <algorithm>

#include "core/assert.h"

namespace dt {

bool is_main_store_record(TraceKind kind) {
  return kind == TraceKind::stored || kind == TraceKind::handed_off ||
         kind == TraceKind::repaired || kind == TraceKind::anti_entropy_stored;
}

namespace {

bool names_key(TraceKind kind) {
  return is_main_store_record(kind) || kind == TraceKind::hinted ||
         kind == TraceKind::hint_deleted || kind == TraceKind::lost_on_crash ||
         kind == TraceKind::lost_on_wipe || kind == TraceKind::handoff_covered ||
         kind == TraceKind::superseded || kind == TraceKind::hint_superseded;
}

const std::vector<uint32_t> kNoRecords;

}  // namespace

uint64_t TraceFacts::write_node_key(WriteId write_id, NodeId node) {
  DT_ASSERT(node < 1024, "node ids stay below 1024 (actor ids rely on it)");
  return (write_id << 10) | node;
}

std::vector<NodeId> TraceFacts::nodes_of(const OpNodes& pairs, uint64_t op_id) {
  const auto first =
      std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(op_id, NodeId{0}));
  std::vector<NodeId> nodes;
  for (auto it = first; it != pairs.end() && it->first == op_id; ++it) {
    if (nodes.empty() || nodes.back() != it->second) nodes.push_back(it->second);
  }
  DT_ASSERT(std::is_sorted(nodes.begin(), nodes.end()), "nodes come out sorted");
  return nodes;
}

TraceFacts::TraceFacts(const Config& config, const ReplicaTrace& trace)
    : trace_(&trace), wipes_ns_(config.nodes) {
  DT_ASSERT(trace.records.size() < UINT32_MAX, "trace too long");
  main_store_at_.reserve(trace.records.size() / 2);
  replied_.reserve(trace.records.size() / 2);
  for (size_t i = 0; i < trace.records.size(); ++i) {
    const TraceRecord& r = trace.records[i];
    const auto position = static_cast<uint32_t>(i);
    if (r.kind == TraceKind::replica_replied) replied_.emplace_back(r.op_id, r.peer);
    if (r.kind == TraceKind::target_chosen && r.count == 1) {
      fallbacks_.emplace_back(r.op_id, r.peer);
    }
    if (is_main_store_record(r.kind) && r.node < 1024) {
      main_store_at_.emplace_back(write_node_key(r.write_id, r.node), position);
    }
    if (r.kind == TraceKind::hinted && r.node < 1024) {
      hint_at_.emplace_back(write_node_key(r.write_id, r.node), position);
    }
    if (r.kind == TraceKind::wiped && r.node < config.nodes) {
      wipes_ns_[r.node].push_back(r.time_ns);
    }
    if (names_key(r.kind)) records_by_key_[r.key].push_back(position);
    if (r.kind == TraceKind::wiped || r.kind == TraceKind::crashed) {
      node_faults_.push_back(position);
    }
  }
  std::sort(replied_.begin(), replied_.end());
  std::sort(fallbacks_.begin(), fallbacks_.end());
  std::sort(main_store_at_.begin(), main_store_at_.end());
  std::sort(hint_at_.begin(), hint_at_.end());
  DT_ASSERT(wipes_ns_.size() == config.nodes, "one wipe list per node");
}

std::optional<uint32_t> TraceFacts::first_position(const KeyPositions& pairs, uint64_t key) {
  const auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(key, uint32_t{0}));
  if (it == pairs.end() || it->first != key) return std::nullopt;
  DT_ASSERT(it == pairs.begin() || std::prev(it)->first < key, "not the first entry of the key");
  return it->second;
}

std::optional<uint32_t> TraceFacts::first_main_store_at(WriteId write_id, NodeId node) const {
  if (node >= 1024) return std::nullopt;  // kNoNode or garbage: nothing was indexed for it
  return first_position(main_store_at_, write_node_key(write_id, node));
}

std::optional<uint32_t> TraceFacts::first_hint_at(WriteId write_id, NodeId node) const {
  if (node >= 1024) return std::nullopt;
  return first_position(hint_at_, write_node_key(write_id, node));
}

std::optional<TimeNs> TraceFacts::first_main_store_ns(WriteId write_id, NodeId node) const {
  const auto at = first_main_store_at(write_id, node);
  if (!at) return std::nullopt;
  return trace_->records[*at].time_ns;
}

std::optional<TimeNs> TraceFacts::first_hint_ns(WriteId write_id, NodeId node) const {
  const auto at = first_hint_at(write_id, node);
  if (!at) return std::nullopt;
  return trace_->records[*at].time_ns;
}

std::optional<TimeNs> TraceFacts::wipe_between(NodeId node, TimeNs from_ns, TimeNs to_ns) const {
  if (node >= wipes_ns_.size()) return std::nullopt;
  const std::vector<TimeNs>& wipes = wipes_ns_[node];
  const auto it = std::lower_bound(wipes.begin(), wipes.end(), from_ns);
  if (it == wipes.end() || *it > to_ns) return std::nullopt;
  return *it;
}

const std::vector<uint32_t>& TraceFacts::records_of_key(Key key) const {
  const auto it = records_by_key_.find(key);
  return it == records_by_key_.end() ? kNoRecords : it->second;
}

}  // namespace dt
