#include "sim/schedule_check.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>
#include <vector>

namespace dt {

namespace {

// Times and skews beyond this could overflow virtual-time arithmetic.
constexpr uint64_t kMaxTimeNs = uint64_t{1} << 60;

Status field_error(size_t index, const char* field, const std::string& reason) {
  return Status::error(fmt::format("schedule.events[{}].{}: {}", index, field, reason));
}

Status check_node(size_t index, const char* field, NodeId node, uint32_t nodes) {
  if (node < nodes) return Status::ok();
  return field_error(index, field,
                     fmt::format("{} is not a node (config.nodes = {})", node, nodes));
}

Status check_groups(size_t index, const ScheduleEvent& e, uint32_t nodes) {
  std::vector<bool> seen(nodes, false);
  for (const auto& group : e.groups) {
    if (group.empty()) return field_error(index, "groups", "a group is empty");
    for (NodeId node : group) {
      if (Status s = check_node(index, "groups", node, nodes); !s) return s;
      if (seen[node]) return field_error(index, "groups", fmt::format("node {} twice", node));
      seen[node] = true;
    }
  }
  return Status::ok();
}

Status check_link(size_t index, const ScheduleEvent& e, uint32_t nodes) {
  if (Status s = check_node(index, "from", e.from, nodes); !s) return s;
  if (Status s = check_node(index, "to", e.to, nodes); !s) return s;
  if (e.drop_ppm > 1'000'000) {
    return field_error(index, "drop_ppm", fmt::format("{} is above 1000000", e.drop_ppm));
  }
  if (e.duplicate_ppm > 1'000'000) {
    return field_error(index, "duplicate_ppm",
                       fmt::format("{} is above 1000000", e.duplicate_ppm));
  }
  if (e.delay_min_ns > e.delay_max_ns) {
    return field_error(index, "delay_min_ns",
                       fmt::format("{} is more than delay_max_ns ({})", e.delay_min_ns,
                                   e.delay_max_ns));
  }
  return Status::ok();
}

Status check_event(size_t index, const ScheduleEvent& e, const Schedule& schedule) {
  const uint32_t nodes = schedule.config.nodes;
  switch (e.kind) {
    case EventKind::crash: case EventKind::restart: case EventKind::wipe:
    case EventKind::pause: case EventKind::resume:
      return check_node(index, "node", e.node, nodes);
    case EventKind::clock_skew:
      if (e.skew_ns > int64_t{kMaxTimeNs} || e.skew_ns < -int64_t{kMaxTimeNs}) {
        return field_error(index, "skew_ns", fmt::format("{} is beyond +-{}", e.skew_ns,
                                                         kMaxTimeNs));
      }
      return check_node(index, "node", e.node, nodes);
    case EventKind::partition: return check_groups(index, e, nodes);
    case EventKind::heal: return Status::ok();
    case EventKind::link: return check_link(index, e, nodes);
    case EventKind::put: case EventKind::get: case EventKind::del: case EventKind::add:
      if (e.coordinator == kNoNode) return Status::ok();
      return check_node(index, "coordinator", e.coordinator, nodes);
  }
  return field_error(index, "kind", "unknown event kind");
}

}  // namespace

Status check_runnable(const Schedule& schedule) {
  if (Status s = schedule.config.validate(); !s) return s;
  const Workload& w = schedule.workload;
  if (w.think_min_ns > w.think_max_ns) {
    return Status::error(fmt::format("workload.think_min_ns: {} is more than think_max_ns ({})",
                                     w.think_min_ns, w.think_max_ns));
  }
  const std::pair<const char*, TimeNs> times[] = {{"client_timeout_ns", w.client_timeout_ns},
                                                  {"duration_ns", w.duration_ns},
                                                  {"think_max_ns", w.think_max_ns}};
  for (const auto& [field, value] : times) {
    if (value == 0 && std::string_view(field) != "think_max_ns") {
      return Status::error(fmt::format("workload.{}: is 0", field));
    }
    if (value > kMaxTimeNs) {
      return Status::error(fmt::format("workload.{}: {} is above {}", field, value, kMaxTimeNs));
    }
  }
  if (w.ops > 0 && (w.clients == 0 || w.keys == 0)) {
    return Status::error("workload.ops: generated ops need clients > 0 and keys > 0");
  }
  if (w.ops > 0 && w.put_weight + w.get_weight + w.delete_weight + w.add_weight == 0) {
    return Status::error("workload.put_weight: all op weights are 0");
  }
  for (size_t i = 0; i < schedule.events.size(); ++i) {
    const ScheduleEvent& e = schedule.events[i];
    if (i > 0 && e.at_ns < schedule.events[i - 1].at_ns) {
      return field_error(i, "at_ns", fmt::format("{} is before the previous event ({})", e.at_ns,
                                                 schedule.events[i - 1].at_ns));
    }
    if (e.at_ns > w.duration_ns) {
      return field_error(i, "at_ns", fmt::format("{} is after workload.duration_ns ({})",
                                                 e.at_ns, w.duration_ns));
    }
    if (Status s = check_event(i, e, schedule); !s) return s;
  }
  return Status::ok();
}

std::string describe(const ScheduleEvent& e) {
  const char* kind = to_string(e.kind);
  switch (e.kind) {
    case EventKind::crash: case EventKind::restart: case EventKind::wipe:
    case EventKind::pause: case EventKind::resume:
      return fmt::format("{} node {}", kind, e.node);
    case EventKind::clock_skew:
      return fmt::format("clock_skew node {} by {} ns", e.node, e.skew_ns);
    case EventKind::heal: return "heal";
    case EventKind::partition: {
      std::vector<std::string> groups;
      for (const auto& g : e.groups) groups.push_back(fmt::format("{}", fmt::join(g, ",")));
      return fmt::format("partition {}", fmt::join(groups, "|"));
    }
    case EventKind::link:
      return fmt::format("link {}->{} drop={}ppm duplicate={}ppm delay={}..{}", e.from, e.to,
                         e.drop_ppm, e.duplicate_ppm, e.delay_min_ns, e.delay_max_ns);
    case EventKind::put: case EventKind::get: case EventKind::del: case EventKind::add:
      break;
  }
  std::string out = fmt::format("{} key {}", kind, e.key);
  if (e.value) out += fmt::format(" value {}", *e.value);
  out += fmt::format(" by process {}", e.process);
  if (e.coordinator != kNoNode) out += fmt::format(" via node {}", e.coordinator);
  return out;
}

}  // namespace dt
