#include "histories/config_json.h"

namespace dt {

Json config_to_json(const Config& c) {
  Json j = Json::object();
  j["nodes"] = c.nodes;
  j["replicas_n"] = c.replicas_n;
  j["read_quorum_r"] = c.read_quorum_r;
  j["write_quorum_w"] = c.write_quorum_w;
  j["partitions_q"] = c.partitions_q;
  j["merkle_depth"] = c.merkle_depth;
  j["quorum_mode"] = to_string(c.quorum_mode);
  j["hint_store"] = to_string(c.hint_store);
  j["versioning"] = to_string(c.versioning);
  j["replica_timeout_ns"] = c.replica_timeout_ns;
  j["request_deadline_ns"] = c.request_deadline_ns;
  j["probe_interval_ns"] = c.probe_interval_ns;
  j["probe_timeout_ns"] = c.probe_timeout_ns;
  j["probe_scope"] = to_string(c.probe_scope);
  j["handoff_interval_ns"] = c.handoff_interval_ns;
  j["anti_entropy_interval_ns"] = c.anti_entropy_interval_ns;
  j["network_delay_min_ns"] = c.network_delay_min_ns;
  j["network_delay_max_ns"] = c.network_delay_max_ns;
  j["network_delay_distribution"] = to_string(c.network_delay_distribution);
  j["network_delay_mean_ns"] = c.network_delay_mean_ns;
  j["network_delay_pareto_shape_milli"] = c.network_delay_pareto_shape_milli;
  j["quiescence_rounds"] = c.quiescence_rounds;
  DT_ASSERT(j.size() == 22, "every config field written");
  return j;
}

namespace {

// Reads an enum field through its parse function; the parse error gets the path.
template <typename T, typename Parse>
void read_enum(ObjectReader& r, const char* name, T& out, Parse parse) {
  std::string text;
  if (!r.has(name)) {
    r.field(name, Need::optional);  // marks it known
    return;
  }
  r.read(name, text, Need::optional);
  if (!r.ok()) return;
  Result<T> parsed = parse(text);
  if (!parsed) {
    r.fail(Status::error(r.path_of(name) + ": " + parsed.error()));
    return;
  }
  out = parsed.value();
}

}  // namespace

Result<Config> config_from_json(const Json& value, const std::string& path) {
  Config c;
  ObjectReader r(value, path);
  r.read("nodes", c.nodes, Need::optional);
  r.read("replicas_n", c.replicas_n, Need::optional);
  r.read("read_quorum_r", c.read_quorum_r, Need::optional);
  r.read("write_quorum_w", c.write_quorum_w, Need::optional);
  r.read("partitions_q", c.partitions_q, Need::optional);
  r.read("merkle_depth", c.merkle_depth, Need::optional);
  read_enum(r, "quorum_mode", c.quorum_mode, parse_quorum_mode);
  read_enum(r, "hint_store", c.hint_store, parse_hint_store_mode);
  read_enum(r, "versioning", c.versioning, parse_versioning);
  r.read("replica_timeout_ns", c.replica_timeout_ns, Need::optional);
  r.read("request_deadline_ns", c.request_deadline_ns, Need::optional);
  r.read("probe_interval_ns", c.probe_interval_ns, Need::optional);
  r.read("probe_timeout_ns", c.probe_timeout_ns, Need::optional);
  read_enum(r, "probe_scope", c.probe_scope, parse_probe_scope);
  r.read("handoff_interval_ns", c.handoff_interval_ns, Need::optional);
  r.read("anti_entropy_interval_ns", c.anti_entropy_interval_ns, Need::optional);
  r.read("network_delay_min_ns", c.network_delay_min_ns, Need::optional);
  r.read("network_delay_max_ns", c.network_delay_max_ns, Need::optional);
  read_enum(r, "network_delay_distribution", c.network_delay_distribution,
            parse_delay_distribution);
  r.read("network_delay_mean_ns", c.network_delay_mean_ns, Need::optional);
  r.read("network_delay_pareto_shape_milli", c.network_delay_pareto_shape_milli,
         Need::optional);
  r.read("quiescence_rounds", c.quiescence_rounds, Need::optional);
  if (Status s = r.finish("the config"); !s) return s;
  return c;
}

}  // namespace dt
