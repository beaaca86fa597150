#include "histories/export_ops.h"

#include <algorithm>
#include <map>

namespace dt::exporting {

namespace {

Status check_completion(const History& history, size_t i, size_t invoke) {
  const HistoryOp& op = history[i];
  const HistoryOp& inv = history[invoke];
  DT_ASSERT(invoke < i, "an invoke comes before its completion");
  if (op.f != inv.f || op.key != inv.key || op.op_id != inv.op_id) {
    return Status::error(element_path("ops", i) + ": " + to_string(op.type) +
                         " does not match its invoke " + element_path("ops", invoke) +
                         " (f, key and op_id must be equal)");
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<Pair>> pair_ops(const History& history) {
  std::vector<Pair> pairs;
  std::map<ProcessId, size_t> open;  // process -> index into pairs
  for (size_t i = 0; i < history.size(); ++i) {
    const HistoryOp& op = history[i];
    const std::string process = "process " + std::to_string(op.process);
    auto it = open.find(op.process);
    if (op.type == OpType::invoke) {
      if (it != open.end()) {
        return Status::error(element_path("ops", i) + ": invoke for " + process + " while " +
                             element_path("ops", pairs[it->second].invoke) + " is still open");
      }
      open[op.process] = pairs.size();
      Pair pair;
      pair.invoke = i;
      pairs.push_back(std::move(pair));
      continue;
    }
    if (it == open.end()) {
      return Status::error(element_path("ops", i) + ": " + to_string(op.type) + " for " + process +
                           " with no open invoke");
    }
    if (Status s = check_completion(history, i, pairs[it->second].invoke); !s) return s;
    pairs[it->second].completion = i;
    open.erase(it);
  }
  DT_ASSERT(pairs.size() <= history.size(), "at most one pair per op");
  return pairs;
}

std::vector<Op> sequence(const History& history, const std::vector<Pair>& pairs) {
  // Where each history op goes: the pair it belongs to, and whether it is the invoke.
  std::vector<std::optional<std::pair<size_t, bool>>> slot(history.size());
  uint64_t next_fresh = 0;
  for (const HistoryOp& op : history)
    next_fresh = std::max<uint64_t>(next_fresh, op.process + 1ull);
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (!pairs[p].keep) continue;
    slot[pairs[p].invoke] = std::make_pair(p, true);
    if (pairs[p].completion) slot[*pairs[p].completion] = std::make_pair(p, false);
  }
  std::map<ProcessId, uint64_t> current;  // history process -> exported process
  std::vector<Op> ops;
  for (size_t i = 0; i < history.size(); ++i) {
    if (!slot[i]) continue;
    const Pair& pair = pairs[slot[i]->first];
    const bool is_invoke = slot[i]->second;
    const HistoryOp& op = history[i];
    auto [it, inserted] = current.emplace(op.process, op.process);
    Op out;
    out.index = ops.size();
    out.time_ns = op.time_ns;
    out.process = it->second;
    out.type = is_invoke ? OpType::invoke : pair.completion_type;
    out.f = pair.f;
    out.value = is_invoke ? pair.invoke_value : pair.completion_value;
    out.key = pair.key;
    // Jepsen's convention: a process whose op ended in info never invokes again.
    if (out.type == OpType::info) it->second = next_fresh++;
    ops.push_back(std::move(out));
  }
  DT_ASSERT(ops.size() <= history.size(), "no op invented");
  return ops;
}

Json op_to_json(const Op& op) {
  Json j = Json::object();
  j["index"] = op.index;
  j["time"] = op.time_ns;
  j["process"] = op.process;
  j["type"] = to_string(op.type);
  j["f"] = op.f;
  if (op.key) j["key"] = *op.key;
  j["value"] = op.value;
  DT_ASSERT(j["process"].is_number_unsigned(), "processes are JSON integers");
  return j;
}

std::string render_json(const std::vector<Op>& ops) {
  std::string out = "[\n";
  for (size_t i = 0; i < ops.size(); ++i) {
    DT_ASSERT(ops[i].index == i, "dense indices");
    out += dump_json(op_to_json(ops[i]));
    out += i + 1 < ops.size() ? ",\n" : "\n";
  }
  return out + "]\n";
}

namespace {

// Our values hold integers, null, strings (Elle keywords: "r", "w") and arrays.
std::string edn_value(const Json& value) {
  if (value.is_null()) return "nil";
  if (value.is_string()) return ":" + value.get<std::string>();
  if (value.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += " ";
      out += edn_value(value[i]);
    }
    return out + "]";
  }
  DT_ASSERT(value.is_number_integer() || value.is_boolean(), "export values are integers");
  return dump_json(value);
}

}  // namespace

std::string render_edn(const std::vector<Op>& ops) {
  std::string out;
  for (size_t i = 0; i < ops.size(); ++i) {
    const Op& op = ops[i];
    DT_ASSERT(op.index == i, "dense indices");
    out += "{:index " + std::to_string(op.index) + ", :time " + std::to_string(op.time_ns) +
           ", :process " + std::to_string(op.process) + ", :type :" + to_string(op.type) +
           ", :f :" + op.f;
    if (op.key) out += ", :key " + std::to_string(*op.key);
    out += ", :value " + edn_value(op.value) + "}\n";
  }
  return out;
}

}  // namespace dt::exporting
