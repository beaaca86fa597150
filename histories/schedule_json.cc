#include "histories/schedule_json.h"

#include <utility>

#include "core/schedule_validate.h"
#include "histories/config_json.h"
#include "histories/json_util.h"

namespace dt {

namespace {

Json workload_to_json(const Workload& w) {
  Json j = Json::object();
  j["clients"] = w.clients;
  j["keys"] = w.keys;
  j["ops"] = w.ops;
  j["put_weight"] = w.put_weight;
  j["get_weight"] = w.get_weight;
  j["delete_weight"] = w.delete_weight;
  j["add_weight"] = w.add_weight;
  j["think_min_ns"] = w.think_min_ns;
  j["think_max_ns"] = w.think_max_ns;
  j["client_timeout_ns"] = w.client_timeout_ns;
  j["duration_ns"] = w.duration_ns;
  j["final_reads"] = w.final_reads;
  DT_ASSERT(j.size() == 12, "every workload field written");
  return j;
}

Json event_to_json(const ScheduleEvent& e) {
  Json j = Json::object();
  j["at_ns"] = e.at_ns;
  j["kind"] = to_string(e.kind);
  switch (e.kind) {
    case EventKind::crash:
    case EventKind::restart:
    case EventKind::wipe:
    case EventKind::pause:
    case EventKind::resume:
      j["node"] = e.node;
      break;
    case EventKind::partition:
      j["groups"] = e.groups;
      break;
    case EventKind::heal:
      break;
    case EventKind::link:
      j["from"] = e.from;
      j["to"] = e.to;
      j["drop_ppm"] = e.drop_ppm;
      j["duplicate_ppm"] = e.duplicate_ppm;
      j["delay_min_ns"] = e.delay_min_ns;
      j["delay_max_ns"] = e.delay_max_ns;
      break;
    case EventKind::clock_skew:
      j["node"] = e.node;
      j["skew_ns"] = e.skew_ns;
      break;
    case EventKind::put:
    case EventKind::get:
    case EventKind::del:
    case EventKind::add:
      j["process"] = e.process;
      j["key"] = e.key;
      if (e.value.has_value()) j["value"] = *e.value;
      if (e.coordinator != kNoNode) j["coordinator"] = e.coordinator;
      break;
  }
  DT_ASSERT(j.size() >= 2, "at_ns and kind always written");
  return j;
}

Result<Workload> workload_from_json(const Json& value) {
  Workload w;
  ObjectReader r(value, "workload");
  r.read("clients", w.clients, Need::optional);
  r.read("keys", w.keys, Need::optional);
  r.read("ops", w.ops, Need::optional);
  r.read("put_weight", w.put_weight, Need::optional);
  r.read("get_weight", w.get_weight, Need::optional);
  r.read("delete_weight", w.delete_weight, Need::optional);
  r.read("add_weight", w.add_weight, Need::optional);
  r.read("think_min_ns", w.think_min_ns, Need::optional);
  r.read("think_max_ns", w.think_max_ns, Need::optional);
  r.read("client_timeout_ns", w.client_timeout_ns, Need::optional);
  r.read("duration_ns", w.duration_ns, Need::optional);
  r.read("final_reads", w.final_reads, Need::optional);
  if (Status s = r.finish("the workload"); !s) return s;
  return w;
}

Status read_groups(const Json& json, const std::string& path, ScheduleEvent& e) {
  size_t groups = 0;
  if (Status s = expect_array(json, path, groups); !s) return s;
  for (size_t g = 0; g < groups; ++g) {
    const std::string group_path = element_path(path, g);
    size_t members = 0;
    if (Status s = expect_array(json[g], group_path, members); !s) return s;
    std::vector<NodeId> group(members);
    for (size_t i = 0; i < members; ++i) {
      if (Status s = read_u32(json[g][i], element_path(group_path, i), group[i]); !s) return s;
    }
    e.groups.push_back(std::move(group));
  }
  DT_ASSERT(e.groups.size() == groups, "one vector per group");
  return Status::ok();
}

// Reads the fields that belong to e.kind; finish() then rejects all others.
void read_kind_fields(ObjectReader& r, ScheduleEvent& e) {
  switch (e.kind) {
    case EventKind::crash:
    case EventKind::restart:
    case EventKind::wipe:
    case EventKind::pause:
    case EventKind::resume:
      r.read("node", e.node, Need::required);
      break;
    case EventKind::partition:
      if (const Json* groups = r.field("groups", Need::required)) {
        if (Status s = read_groups(*groups, r.path_of("groups"), e); !s) r.fail(s);
      }
      break;
    case EventKind::heal:
      break;
    case EventKind::link:
      r.read("from", e.from, Need::required);
      r.read("to", e.to, Need::required);
      r.read("drop_ppm", e.drop_ppm, Need::optional);
      r.read("duplicate_ppm", e.duplicate_ppm, Need::optional);
      r.read("delay_min_ns", e.delay_min_ns, Need::optional);
      r.read("delay_max_ns", e.delay_max_ns, Need::optional);
      break;
    case EventKind::clock_skew:
      r.read("node", e.node, Need::required);
      r.read("skew_ns", e.skew_ns, Need::required);
      break;
    case EventKind::put:
    case EventKind::get:
    case EventKind::del:
    case EventKind::add: {
      r.read("process", e.process, Need::required);
      r.read("key", e.key, Need::required);
      if (r.has("value")) {
        int64_t value = 0;
        r.read("value", value, Need::required);
        e.value = value;
      }
      r.read("coordinator", e.coordinator, Need::optional);
      break;
    }
  }
}

Result<ScheduleEvent> event_from_json(const Json& json, const std::string& path) {
  ScheduleEvent e;
  ObjectReader r(json, path);
  r.read("at_ns", e.at_ns, Need::required);
  std::string kind;
  r.read("kind", kind, Need::required);
  if (!r.ok()) return r.finish();
  const std::optional<EventKind> parsed = parse_event_kind(kind);
  if (!parsed) {
    return Status::error(r.path_of("kind") + ": \"" + kind +
                         "\" is not an event kind (crash|restart|wipe|pause|resume|partition|"
                         "heal|link|clock_skew|put|get|delete|add)");
  }
  e.kind = *parsed;
  read_kind_fields(r, e);
  if (Status s = r.finish("a " + kind + " event"); !s) return s;
  return e;
}

Status read_events(const Json& json, Schedule& schedule) {
  size_t size = 0;
  if (Status s = expect_array(json, "events", size); !s) return s;
  for (size_t i = 0; i < size; ++i) {
    Result<ScheduleEvent> e = event_from_json(json[i], element_path("events", i));
    if (!e) return e.status();
    schedule.events.push_back(std::move(e).value());
  }
  DT_ASSERT(schedule.events.size() == size, "one event per array entry");
  return Status::ok();
}

Status read_inject(const Json& json, Schedule& schedule) {
  size_t size = 0;
  if (Status s = expect_array(json, "inject", size); !s) return s;
  schedule.inject.resize(size);
  for (size_t i = 0; i < size; ++i) {
    if (Status s = read_string(json[i], element_path("inject", i), schedule.inject[i]); !s) {
      return s;
    }
  }
  return Status::ok();
}

}  // namespace

std::string write_schedule_json(const Schedule& schedule) {
  DT_ASSERT(schedule.config.nodes >= 1, "a schedule has nodes");
  Json doc = Json::object();
  doc["format"] = kScheduleFormat;
  doc["version"] = kScheduleVersion;
  doc["seed"] = schedule.seed;
  doc["config"] = config_to_json(schedule.config);
  doc["workload"] = workload_to_json(schedule.workload);
  doc["events"] = Json::array();
  for (const ScheduleEvent& e : schedule.events) doc["events"].push_back(event_to_json(e));
  doc["inject"] = schedule.inject;
  DT_ASSERT(doc["events"].size() == schedule.events.size(), "every event written");
  return dump_document(doc, {"events"});
}

static Status schedule_from_json(const Json& doc, Schedule& schedule) {
  ObjectReader r(doc, "");
  if (Status s = check_header(r, kScheduleFormat, kScheduleVersion); !s) return s;
  r.read("seed", schedule.seed, Need::optional);
  if (const Json* config = r.field("config", Need::optional)) {
    Result<Config> c = config_from_json(*config, "config");
    if (!c) return c.status();
    schedule.config = c.value();
  }
  if (const Json* workload = r.field("workload", Need::optional)) {
    Result<Workload> w = workload_from_json(*workload);
    if (!w) return w.status();
    schedule.workload = w.value();
  }
  if (const Json* events = r.field("events", Need::optional)) {
    if (Status s = read_events(*events, schedule); !s) return s;
  }
  if (const Json* inject = r.field("inject", Need::optional)) {
    if (Status s = read_inject(*inject, schedule); !s) return s;
  }
  if (Status s = r.finish("a schedule"); !s) return s;
  return validate_schedule(schedule);
}

Result<Schedule> read_schedule_json(std::string_view text, std::string_view file_name) {
  Result<Json> doc = parse_json(text);
  if (!doc) return in_file(file_name, doc.status());
  Schedule schedule;
  if (Status s = schedule_from_json(doc.value(), schedule); !s) return in_file(file_name, s);
  return schedule;
}

Result<Schedule> load_schedule_file(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text) return text.status();
  return read_schedule_json(text.value(), path);
}

}  // namespace dt
