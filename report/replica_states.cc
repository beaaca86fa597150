#include "report/replica_states.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/assert.h"
#include "core/ring.h"
#include "histories/version_json.h"

namespace dt {

namespace {

const Siblings* find_siblings(const std::map<Key, Siblings>& store, Key key) {
  auto it = store.find(key);
  return it == store.end() ? nullptr : &it->second;
}

Json versions_json(const Siblings* siblings) {
  Json out = Json::array();
  if (siblings == nullptr) return out;
  for (const Version& v : *siblings) {
    Json j = version_to_json(v);
    j["text"] = v.to_string();
    out.push_back(std::move(j));
  }
  return out;
}

Json key_json(const Config& config, const std::vector<NodeId>& owners, const ReplicaTrace& trace,
              Key key) {
  const uint32_t partition = partition_of(key, config.partitions_q);
  const std::vector<NodeId> homes = ring_walk(owners, partition, config.replicas_n);
  Json home = Json::array(), others = Json::array(), hints = Json::array();
  bool differs = false;
  const Siblings* first = nullptr;
  for (size_t i = 0; i < homes.size(); ++i) {
    const NodeState& state = trace.final_states[homes[i]];
    const Siblings* s = find_siblings(state.store, key);
    static const Siblings kNone;
    if (i == 0) first = s ? s : &kNone;
    if (!(*(s ? s : &kNone) == *first)) differs = true;
    auto root = state.merkle_roots.find(partition);
    home.push_back({{"node", homes[i]},
                    {"siblings", versions_json(s)},
                    {"merkle_root", root == state.merkle_roots.end()
                                        ? Json(nullptr)
                                        : Json(fmt::format("{:016x}", root->second))}});
  }
  for (const NodeState& state : trace.final_states) {
    const bool is_home = std::find(homes.begin(), homes.end(), state.node) != homes.end();
    if (const Siblings* s = find_siblings(state.store, key); s != nullptr && !is_home) {
      others.push_back({{"node", state.node}, {"siblings", versions_json(s)}});
    }
    for (const auto& [intended, store] : state.hints) {
      if (const Siblings* s = find_siblings(store, key); s != nullptr) {
        hints.push_back({{"holder", state.node}, {"intended", intended},
                         {"siblings", versions_json(s)}});
      }
    }
  }
  return Json{{"key", key},       {"partition", partition}, {"differs", differs},
              {"home", home},     {"others", others},       {"hints", hints}};
}

}  // namespace

Json replica_states_json(const Config& config, const History& history,
                         const ReplicaTrace& trace, size_t max_keys) {
  Json out = Json{{"keys", Json::array()}, {"omitted_keys", 0}};
  if (trace.final_states.empty()) return out;
  DT_ASSERT(trace.final_states.size() == config.nodes, "one final state per node");
  std::set<Key> keys;
  for (const HistoryOp& op : history) keys.insert(op.key);
  for (const NodeState& state : trace.final_states) {
    for (const auto& [key, _] : state.store) keys.insert(key);
  }
  const std::vector<NodeId> owners = partition_owners(config);
  std::vector<Json> differing, agreeing;
  for (Key key : keys) {
    Json j = key_json(config, owners, trace, key);
    (j["differs"].get<bool>() ? differing : agreeing).push_back(std::move(j));
  }
  size_t kept = 0;
  for (std::vector<Json>* list : {&differing, &agreeing}) {
    for (Json& j : *list) {
      if (kept == max_keys) break;
      out["keys"].push_back(std::move(j));
      ++kept;
    }
  }
  out["omitted_keys"] = keys.size() - kept;
  return out;
}

}  // namespace dt
