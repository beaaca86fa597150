#include "explore/interleaving.h"

#include <fmt/format.h>

#include "core/assert.h"
#include "histories/config_json.h"
#include "histories/json_util.h"
#include "impl/bugs.h"
#include "nodes/sides.h"
#include "explore/world.h"

namespace dt {

namespace {

Json bounds_to_json(const ExploreBounds& b) {
  Json j;
  j["clients"] = b.clients;
  j["ops_per_client"] = b.ops_per_client;
  j["keys"] = b.keys;
  j["op_pattern"] = op_pattern_text(b.op_pattern);
  j["coordinators"] = to_string(b.coordinators);
  j["crashes"] = b.crashes;
  j["wipes"] = b.wipes;
  j["partitions"] = b.partitions;
  j["lost_messages"] = b.lost_messages;
  j["duplicates"] = b.duplicates;
  j["timer_firings_per_node"] = b.timer_firings_per_node;
  j["timeouts"] = to_string(b.timeouts);
  j["max_depth"] = b.max_depth;
  j["max_states"] = b.max_states;
  return j;
}

Status bounds_from_json(const Json& value, ExploreBounds& b) {
  ObjectReader r(value, "bounds");
  r.read("clients", b.clients, Need::optional);
  r.read("ops_per_client", b.ops_per_client, Need::optional);
  r.read("keys", b.keys, Need::optional);
  std::string pattern = op_pattern_text(b.op_pattern);
  std::string coordinators = to_string(b.coordinators);
  r.read("op_pattern", pattern, Need::optional);
  r.read("coordinators", coordinators, Need::optional);
  r.read("crashes", b.crashes, Need::optional);
  r.read("wipes", b.wipes, Need::optional);
  r.read("partitions", b.partitions, Need::optional);
  r.read("lost_messages", b.lost_messages, Need::optional);
  r.read("duplicates", b.duplicates, Need::optional);
  r.read("timer_firings_per_node", b.timer_firings_per_node, Need::optional);
  std::string timeouts = to_string(b.timeouts);
  r.read("timeouts", timeouts, Need::optional);
  r.read("max_depth", b.max_depth, Need::optional);
  r.read("max_states", b.max_states, Need::optional);
  if (Status s = r.finish("bounds"); !s.is_ok()) return s;
  Result<std::vector<OpFn>> ops = parse_op_pattern(pattern);
  if (!ops.is_ok()) return Status::error("bounds.op_pattern: " + ops.error());
  b.op_pattern = ops.value();
  Result<CoordinatorPolicy> policy = parse_coordinator_policy(coordinators);
  if (!policy.is_ok()) return Status::error("bounds.coordinators: " + policy.error());
  b.coordinators = policy.value();
  Result<TimeoutPolicy> timeout_policy = parse_timeout_policy(timeouts);
  if (!timeout_policy.is_ok()) return Status::error("bounds.timeouts: " + timeout_policy.error());
  b.timeouts = timeout_policy.value();
  return Status::ok();
}

Status choice_from_json(const Json& value, const std::string& path, ChoiceRef& out) {
  ObjectReader r(value, path);
  std::string kind, key;
  r.read("kind", kind, Need::required);
  r.read("key", key, Need::required);
  r.read("text", out.text, Need::optional);
  if (Status s = r.finish("choice"); !s.is_ok()) return s;
  const std::optional<ChoiceKind> parsed = parse_choice_kind(kind);
  if (!parsed) return Status::error(path + ".kind: \"" + kind + "\" is not a choice kind");
  out.kind = *parsed;
  if (key.size() != 16 || key.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::error(path + ".key: \"" + key + "\" is not 16 lowercase hex digits");
  }
  out.key = std::stoull(key, nullptr, 16);
  return Status::ok();
}

}  // namespace

std::string write_interleaving_json(const Interleaving& in) {
  Json doc;
  doc["format"] = kInterleavingFormat;
  doc["version"] = 1;
  doc["side"] = in.side;
  doc["config"] = config_to_json(in.config);
  doc["bounds"] = bounds_to_json(in.bounds);
  doc["inject"] = in.inject;
  doc["failure"] = in.failure;
  doc["digest"] = in.digest;
  Json choices = Json::array();
  for (const ChoiceRef& c : in.choices) {
    Json j;
    j["kind"] = to_string(c.kind);
    j["key"] = fmt::format("{:016x}", c.key);
    j["text"] = c.text;
    choices.push_back(std::move(j));
  }
  doc["choices"] = std::move(choices);
  return dump_document(doc, {"choices"});
}

bool is_interleaving_json(const std::string& text) {
  Result<Json> doc = parse_json(text);
  if (!doc.is_ok() || !doc.value().is_object()) return false;
  auto it = doc.value().find("format");
  return it != doc.value().end() && it->is_string() && *it == kInterleavingFormat;
}

Result<Interleaving> read_interleaving_json(const std::string& text, const std::string& file) {
  Result<Json> doc = parse_json(text);
  if (!doc.is_ok()) return in_file(file, doc.status());
  Interleaving out;
  ObjectReader r(doc.value(), "");
  Status status = check_header(r, kInterleavingFormat, 1);
  r.read("side", out.side, Need::required);
  r.read("failure", out.failure, Need::optional);
  r.read("digest", out.digest, Need::optional);
  if (const Json* config = r.field("config", Need::required); config && status.is_ok()) {
    Result<Config> parsed = config_from_json(*config, "config");
    if (parsed.is_ok()) out.config = parsed.value(); else status = parsed.status();
  }
  if (const Json* bounds = r.field("bounds", Need::required); bounds && status.is_ok()) {
    status = bounds_from_json(*bounds, out.bounds);
  }
  if (const Json* inject = r.field("inject", Need::optional); inject && status.is_ok()) {
    size_t n = 0;
    status = expect_array(*inject, "inject", n);
    for (size_t i = 0; i < n && status.is_ok(); ++i) {
      std::string name;
      status = read_string((*inject)[i], element_path("inject", i), name);
      out.inject.push_back(name);
    }
  }
  if (const Json* choices = r.field("choices", Need::required); choices && status.is_ok()) {
    size_t n = 0;
    status = expect_array(*choices, "choices", n);
    for (size_t i = 0; i < n && status.is_ok(); ++i) {
      ChoiceRef ref;
      status = choice_from_json((*choices)[i], element_path("choices", i), ref);
      out.choices.push_back(std::move(ref));
    }
  }
  if (status.is_ok()) status = r.finish("interleaving");
  if (!status.is_ok()) return in_file(file, status);
  return out;
}

std::vector<ChoiceRef> refs_of(const std::vector<Choice>& choices) {
  std::vector<ChoiceRef> out;
  out.reserve(choices.size());
  for (const Choice& c : choices) out.push_back(ChoiceRef{c.kind, c.key, c.text});
  return out;
}

Result<ExploreSetup> setup_of(const Interleaving& in) {
  Result<Side> side = parse_side(in.side);
  if (!side.is_ok()) return side.status();
  if (Status s = validate_bug_names(in.inject, "inject"); !s.is_ok()) return s;
  if (Status s = in.bounds.validate(in.config); !s.is_ok()) return s;
  ExploreSetup setup;
  setup.config = in.config;
  setup.bounds = in.bounds;
  setup.inject = BugSet(in.inject.begin(), in.inject.end());
  const SideFactories factories = factories_for(side.value());
  setup.primary = factories.primary;
  setup.shadow = factories.shadow;
  return setup;
}

Result<PathVerdict> replay_interleaving(const ExploreSetup& setup,
                                        const std::vector<ChoiceRef>& choices) {
  World world(setup);
  for (size_t i = 0; i < choices.size(); ++i) {
    const std::vector<Choice> enabled = world.enabled();
    const Choice* match = nullptr;
    for (const Choice& c : enabled) {
      if (c.kind == choices[i].kind && c.key == choices[i].key) {
        match = &c;
        break;
      }
    }
    if (match == nullptr) {
      return Status::error(fmt::format("choices[{}]: \"{}\" is not enabled at step {}", i,
                                       choices[i].text, i));
    }
    world.apply(*match);
  }
  return finish_path(std::move(world));
}

}  // namespace dt
