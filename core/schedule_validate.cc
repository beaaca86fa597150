#include "core/schedule_validate.h"

#include <string>
#include <vector>

namespace dt {

namespace {

std::string event_path(size_t i) {
  return "events[" + std::to_string(i) + "]";
}

Status path_range_error(const std::string& path, uint64_t value, uint64_t lo, uint64_t hi) {
  return Status::error(path + ": " + std::to_string(value) + " is out of range (" +
                       std::to_string(lo) + ".." + std::to_string(hi) + ")");
}

Status check_workload(const Workload& w, const Config& config) {
  DT_ASSERT(config.request_deadline_ns > 0, "validate the config first");
  if (w.clients < 1 || w.clients > kMaxClients) {
    return path_range_error("workload.clients", w.clients, 1, kMaxClients);
  }
  if (w.keys < 1 || w.keys > kMaxKeys)
    return path_range_error("workload.keys", w.keys, 1, kMaxKeys);
  if (w.ops > kMaxOps) return path_range_error("workload.ops", w.ops, 0, kMaxOps);
  const uint64_t weight_sum =
      uint64_t{w.put_weight} + w.get_weight + w.delete_weight + w.add_weight;
  if (w.ops > 0 && weight_sum == 0) {
    return Status::error("workload.put_weight: all op weights are 0 but ops is " +
                         std::to_string(w.ops));
  }
  if (w.think_max_ns > kMaxThinkNs) {
    return path_range_error("workload.think_max_ns", w.think_max_ns, 0, kMaxThinkNs);
  }
  if (w.think_min_ns > w.think_max_ns) {
    return Status::error("workload.think_min_ns: " + std::to_string(w.think_min_ns) +
                         " is more than think_max_ns (" + std::to_string(w.think_max_ns) + ")");
  }
  if (w.client_timeout_ns <= config.request_deadline_ns || w.client_timeout_ns > kMaxDurationNs) {
    return Status::error("workload.client_timeout_ns: " + std::to_string(w.client_timeout_ns) +
                         " must be more than config.request_deadline_ns (" +
                         std::to_string(config.request_deadline_ns) + ") and at most " +
                         std::to_string(kMaxDurationNs));
  }
  if (w.duration_ns < 1 || w.duration_ns > kMaxDurationNs) {
    return path_range_error("workload.duration_ns", w.duration_ns, 1, kMaxDurationNs);
  }
  return Status::ok();
}

Status check_node(const std::string& path, NodeId node, uint32_t nodes) {
  DT_ASSERT(nodes >= 1, "a cluster has nodes");
  if (node < nodes) return Status::ok();
  const std::string shown = node == kNoNode ? std::string("none") : std::to_string(node);
  return Status::error(path + ": " + shown + " is not a node (nodes are 0.." +
                       std::to_string(nodes - 1) + ")");
}

Status check_groups(const std::string& path, const ScheduleEvent& e, uint32_t nodes) {
  DT_ASSERT(e.kind == EventKind::partition, "groups belong to partitions");
  if (e.groups.size() < 2) {
    return Status::error(path + ".groups: a partition needs at least 2 groups, got " +
                         std::to_string(e.groups.size()));
  }
  std::vector<bool> seen(nodes, false);
  for (size_t g = 0; g < e.groups.size(); ++g) {
    const std::string group_path = path + ".groups[" + std::to_string(g) + "]";
    if (e.groups[g].empty()) return Status::error(group_path + ": empty group");
    for (size_t i = 0; i < e.groups[g].size(); ++i) {
      const std::string node_path = group_path + "[" + std::to_string(i) + "]";
      const NodeId node = e.groups[g][i];
      if (Status s = check_node(node_path, node, nodes); !s) return s;
      if (seen[node]) {
        return Status::error(node_path + ": node " + std::to_string(node) +
                             " is in more than one group");
      }
      seen[node] = true;
    }
  }
  return Status::ok();
}

Status check_link(const std::string& path, const ScheduleEvent& e, uint32_t nodes) {
  DT_ASSERT(e.kind == EventKind::link, "link fields belong to link events");
  if (Status s = check_node(path + ".from", e.from, nodes); !s) return s;
  if (Status s = check_node(path + ".to", e.to, nodes); !s) return s;
  if (e.from == e.to) {
    return Status::error(path + ".to: " + std::to_string(e.to) + " is the same node as from");
  }
  if (e.drop_ppm > kPpm) return path_range_error(path + ".drop_ppm", e.drop_ppm, 0, kPpm);
  if (e.duplicate_ppm > kPpm) {
    return path_range_error(path + ".duplicate_ppm", e.duplicate_ppm, 0, kPpm);
  }
  if (e.delay_max_ns > kMaxLinkDelayNs) {
    return path_range_error(path + ".delay_max_ns", e.delay_max_ns, 0, kMaxLinkDelayNs);
  }
  if (e.delay_min_ns > e.delay_max_ns) {
    return Status::error(path + ".delay_min_ns: " + std::to_string(e.delay_min_ns) +
                         " is more than delay_max_ns (" + std::to_string(e.delay_max_ns) + ")");
  }
  return Status::ok();
}

Status check_client_op(const std::string& path, const ScheduleEvent& e, const Schedule& s) {
  DT_ASSERT(is_client_op(e.kind), "client fields belong to client ops");
  if (e.key >= s.workload.keys) {
    return Status::error(path + ".key: " + std::to_string(e.key) + " is not a key (keys are 0.." +
                         std::to_string(s.workload.keys - 1) + ")");
  }
  if (e.coordinator != kNoNode) {
    if (Status st = check_node(path + ".coordinator", e.coordinator, s.config.nodes); !st) {
      return st;
    }
  }
  if (e.value.has_value() && (e.kind == EventKind::get || e.kind == EventKind::del)) {
    return Status::error(path + ".value: a " + std::string(to_string(e.kind)) +
                         " carries no value");
  }
  return Status::ok();
}

Status check_event(size_t i, const Schedule& s) {
  const ScheduleEvent& e = s.events[i];
  const std::string path = event_path(i);
  DT_ASSERT(i < s.events.size(), "event index in range");
  switch (e.kind) {
    case EventKind::crash:
    case EventKind::restart:
    case EventKind::wipe:
    case EventKind::pause:
    case EventKind::resume:
      return check_node(path + ".node", e.node, s.config.nodes);
    case EventKind::partition:
      return check_groups(path, e, s.config.nodes);
    case EventKind::heal:
      return Status::ok();
    case EventKind::link:
      return check_link(path, e, s.config.nodes);
    case EventKind::clock_skew: {
      if (Status st = check_node(path + ".node", e.node, s.config.nodes); !st) return st;
      if (e.skew_ns > kMaxClockSkewNs || e.skew_ns < -kMaxClockSkewNs) {
        return Status::error(path + ".skew_ns: " + std::to_string(e.skew_ns) +
                             " is out of range (-" + std::to_string(kMaxClockSkewNs) + ".." +
                             std::to_string(kMaxClockSkewNs) + ")");
      }
      return Status::ok();
    }
    case EventKind::put:
    case EventKind::get:
    case EventKind::del:
    case EventKind::add:
      return check_client_op(path, e, s);
  }
  return Status::error(path + ".kind: unknown event kind");
}

bool is_bug_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Status check_inject(const std::vector<std::string>& inject) {
  for (size_t i = 0; i < inject.size(); ++i) {
    const std::string path = "inject[" + std::to_string(i) + "]";
    if (!is_bug_name(inject[i])) {
      return Status::error(path + ": \"" + inject[i] + "\" is not a bug name ([a-z0-9_-]+)");
    }
    if (i > 0 && !(inject[i - 1] < inject[i])) {
      return Status::error(path + ": \"" + inject[i] +
                           "\" is not after the previous name (names are sorted and unique)");
    }
  }
  return Status::ok();
}

}  // namespace

Status validate_schedule(const Schedule& schedule) {
  if (Status s = schedule.config.validate(); !s) return s;
  if (Status s = check_workload(schedule.workload, schedule.config); !s) return s;
  for (size_t i = 0; i < schedule.events.size(); ++i) {
    const ScheduleEvent& e = schedule.events[i];
    if (i > 0 && e.at_ns < schedule.events[i - 1].at_ns) {
      return Status::error(event_path(i) + ".at_ns: " + std::to_string(e.at_ns) +
                           " is before the previous event's (" +
                           std::to_string(schedule.events[i - 1].at_ns) + ")");
    }
    if (e.at_ns > schedule.workload.duration_ns) {
      return Status::error(event_path(i) + ".at_ns: " + std::to_string(e.at_ns) +
                           " is after workload.duration_ns (" +
                           std::to_string(schedule.workload.duration_ns) + ")");
    }
    if (Status s = check_event(i, schedule); !s) return s;
  }
  return check_inject(schedule.inject);
}

}  // namespace dt
