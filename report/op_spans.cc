#include "report/op_spans.h"

#include <map>

#include "core/assert.h"
#include "histories/version_json.h"

namespace dt {

std::vector<OpSpan> op_spans(const History& history) {
  std::vector<OpSpan> spans;
  std::map<ProcessId, size_t> open;  // process -> its open span
  for (const HistoryOp& op : history) {
    if (op.type == OpType::invoke) {
      DT_ASSERT(open.count(op.process) == 0, "a second invoke while one is open");
      open[op.process] = spans.size();
      spans.push_back(OpSpan{&op, nullptr});
      continue;
    }
    auto it = open.find(op.process);
    DT_ASSERT(it != open.end(), "a completion without its invoke");
    spans[it->second].completion = &op;
    open.erase(it);
  }
  return spans;
}

namespace {

const char* result_name(const OpSpan& s) {
  return s.completion == nullptr ? "open" : to_string(s.completion->type);
}

Json span_json(const OpSpan& s) {
  const HistoryOp& in = *s.invoke;
  const HistoryOp* done = s.completion;
  Json j = Json::object();
  j["i"] = in.index;
  j["c"] = done ? Json(done->index) : Json(nullptr);
  j["p"] = in.process;
  j["t0"] = in.time_ns;
  j["t1"] = done ? Json(done->time_ns) : Json(nullptr);
  j["r"] = result_name(s);
  j["f"] = to_string(in.f);
  j["k"] = in.key;
  j["v"] = in.value ? Json(*in.value) : Json(nullptr);
  j["w"] = in.write_id != 0 ? in.write_id : (done ? done->write_id : 0);
  j["op"] = in.op_id;
  const NodeId coordinator = in.coordinator != kNoNode ? in.coordinator
                             : done ? done->coordinator : kNoNode;
  j["co"] = coordinator == kNoNode ? Json(nullptr) : Json(coordinator);
  if (done && !done->read.empty()) j["read"] = siblings_to_json(done->read);
  if (done && done->not_found) j["nf"] = true;
  if (done && !done->error.empty()) j["err"] = done->error;
  return j;
}

}  // namespace

Json op_spans_json(const std::vector<OpSpan>& spans) {
  Json out = Json::array();
  for (const OpSpan& s : spans) out.push_back(span_json(s));
  DT_ASSERT(out.size() == spans.size(), "one JSON span per span");
  return out;
}

}  // namespace dt
