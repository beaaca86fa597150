#include "sim/sim_event.h"

#include <fmt/format.h>

namespace dt {

namespace {

std::string request_text(const ClientRequest& r) {
  std::string out = fmt::format("{} key={} op={}", to_string(r.kind), r.key, r.op_id);
  if (r.kind == ClientOpKind::put) out += fmt::format(" value=[{}]", fmt::join(r.value, ","));
  if (r.write_id != 0) out += fmt::format(" w{}", r.write_id);
  if (!r.context.empty()) out += " ctx=" + r.context.to_string();
  return out;
}

struct Describer {
  std::string operator()(const NodeBoot& e) const { return fmt::format("boot node {}", e.node); }
  std::string operator()(const MessageDelivery& e) const {
    return fmt::format("message {} from {} to {}", dt::describe(e.message), e.from, e.to);
  }
  std::string operator()(const TimerFire& e) const {
    return fmt::format("timer {} tag={} at node {}", to_string(e.kind), e.tag, e.node);
  }
  std::string operator()(const RequestArrival& e) const {
    return fmt::format("client request {} at node {}", request_text(e.request), e.coordinator);
  }
  std::string operator()(const ReplyArrival& e) const {
    return fmt::format("client reply op={} {} from node {}", e.reply.op_id,
                       to_string(e.reply.status), e.coordinator);
  }
  std::string operator()(const ClientWake& e) const {
    return fmt::format("client slot {} wakes", e.slot);
  }
  std::string operator()(const ClientTimeout& e) const {
    return fmt::format("client timeout op={}", e.op_id);
  }
  std::string operator()(const ScheduledFault& e) const {
    return fmt::format("schedule event #{}", e.index);
  }
  std::string operator()(const FinalHeal&) const { return "final heal"; }
};

}  // namespace

std::string describe(const SimEvent& event) { return std::visit(Describer{}, event); }

}  // namespace dt
