#include "sim/lockstep.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "core/assert.h"

namespace dt {

namespace {

std::string describe_mark(CoverageMark mark) { return to_string(mark); }

// Compares two lists item by item; reports the first few differing positions.
template <typename T, typename Describe>
void diff_list(const char* name, const std::vector<T>& model, const std::vector<T>& impl,
               Describe describe_item, std::vector<std::string>& out) {
  constexpr size_t kMaxReported = 8;
  if (model == impl) return;
  if (model.size() != impl.size()) {
    out.push_back(fmt::format("{}: model has {} / impl has {}", name, model.size(), impl.size()));
  }
  size_t reported = 0;
  const size_t longest = std::max(model.size(), impl.size());
  for (size_t i = 0; i < longest && reported < kMaxReported; ++i) {
    const bool in_model = i < model.size();
    const bool in_impl = i < impl.size();
    if (in_model && in_impl && model[i] == impl[i]) continue;
    out.push_back(fmt::format("{}[{}]: model {} / impl {}", name, i,
                              in_model ? describe_item(model[i]) : std::string("(none)"),
                              in_impl ? describe_item(impl[i]) : std::string("(none)")));
    ++reported;
  }
  DT_ASSERT(reported > 0 || model.size() != impl.size(), "unequal lists with no difference");
}

}  // namespace

std::string describe(const Outgoing& send) {
  return fmt::format("{} to {}", describe(send.message), send.to);
}

std::string describe(const TimerRequest& timer) {
  return fmt::format("timer {} tag={} in {} ns", to_string(timer.kind), timer.tag,
                     timer.delay_ns);
}

std::string describe(const ClientReply& reply) {
  std::string out = fmt::format("reply op={} {}", reply.op_id, to_string(reply.status));
  if (!reply.siblings.empty()) out += " " + to_string(reply.siblings);
  if (!reply.context.empty()) out += " ctx=" + reply.context.to_string();
  if (!reply.reason.empty()) out += " (" + reply.reason + ")";
  return out;
}

std::string describe(const TraceRecord& r) {
  std::string out = fmt::format("{} node={}", to_string(r.kind), r.node);
  if (r.peer != kNoNode) out += fmt::format(" peer={}", r.peer);
  out += fmt::format(" key={} op={} w{} dot={}:{} p={} count={} extra={}", r.key, r.op_id,
                     r.write_id, r.dot.actor, r.dot.counter, r.partition, r.count, r.extra);
  if (r.tombstone) out += " tombstone";
  if (!r.detail.empty()) out += " \"" + r.detail + "\"";
  return out;
}

std::vector<std::string> effect_differences(const Effects& model, const Effects& impl) {
  std::vector<std::string> out;
  if (model == impl) return out;
  auto send_text = [](const Outgoing& o) { return describe(o); };
  auto timer_text = [](const TimerRequest& t) { return describe(t); };
  auto reply_text = [](const ClientReply& r) { return describe(r); };
  auto trace_text = [](const TraceRecord& r) { return describe(r); };
  diff_list("sends", model.sends, impl.sends, send_text, out);
  diff_list("timers", model.timers, impl.timers, timer_text, out);
  diff_list("replies", model.replies, impl.replies, reply_text, out);
  diff_list("trace", model.trace, impl.trace, trace_text, out);
  diff_list("marks", model.marks, impl.marks, describe_mark, out);
  DT_ASSERT(!out.empty(), "unequal effects with no reported difference");
  return out;
}

void append_state_differences(const Node& model, const Node& impl,
                              std::vector<std::string>& out) {
  // Equal digests are equal states (up to a 64-bit collision): the common
  // case costs two walks and no copies.
  if (model.comparison_digest() == impl.comparison_digest()) return;
  const NodeState model_state = model.abstract_state();
  const NodeState impl_state = impl.abstract_state();
  DT_ASSERT(!(model_state == impl_state), "unequal state digests of equal states");
  const size_t before = out.size();
  for (std::string& d : model_state.differences(impl_state, "model", "impl")) {
    out.push_back(std::move(d));
  }
  if (out.size() == before) out.push_back("abstract states differ (no field named)");
  DT_ASSERT(out.size() > before, "unequal states with no reported difference");
}

}  // namespace dt
