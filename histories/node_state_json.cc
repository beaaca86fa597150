#include "histories/node_state_json.h"

#include <utility>
#include <vector>

#include "histories/version_json.h"

namespace dt {

namespace {

Json store_to_json(const std::map<Key, Siblings>& store) {
  Json j = Json::array();
  for (const auto& [key, siblings] : store) {
    Json entry = Json::object();
    entry["key"] = key;
    entry["siblings"] = siblings_to_json(siblings);
    j.push_back(std::move(entry));
  }
  DT_ASSERT(j.size() == store.size(), "one entry per key");
  return j;
}

Json pending_to_json(const PendingRequestState& p) {
  Json j = Json::object();
  j["request_id"] = p.request_id;
  j["op_id"] = p.op_id;
  j["key"] = p.key;
  j["targets"] = p.targets;
  j["answered"] = p.answered;
  return j;
}

std::string not_sorted(const std::string& path, const char* what) {
  return path + ": not after the previous entry's " + what + " (entries are sorted, unique)";
}

Status read_node_list(const Json& json, const std::string& path, std::vector<NodeId>& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  std::vector<NodeId> nodes(size);
  for (size_t i = 0; i < size; ++i) {
    const std::string at = element_path(path, i);
    if (Status s = read_u32(json[i], at, nodes[i]); !s) return s;
    if (i > 0 && nodes[i - 1] >= nodes[i]) return Status::error(not_sorted(at, "node"));
  }
  out = std::move(nodes);
  return Status::ok();
}

Status read_store(const Json& json, const std::string& path, std::map<Key, Siblings>& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  for (size_t i = 0; i < size; ++i) {
    const std::string at = element_path(path, i);
    ObjectReader r(json[i], at);
    Key key = 0;
    Siblings siblings;
    r.read("key", key, Need::required);
    if (const Json* s = r.field("siblings", Need::required)) {
      if (Status st = read_siblings(*s, r.path_of("siblings"), siblings); !st) r.fail(st);
    }
    if (Status s = r.finish("a store entry"); !s) return s;
    if (!out.empty() && out.rbegin()->first >= key) {
      return Status::error(not_sorted(r.path_of("key"), "key"));
    }
    out.emplace(key, std::move(siblings));
  }
  DT_ASSERT(out.size() == size, "one map entry per array entry");
  return Status::ok();
}

Status read_hints(const Json& json, const std::string& path,
                  std::map<NodeId, std::map<Key, Siblings>>& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  for (size_t i = 0; i < size; ++i) {
    ObjectReader r(json[i], element_path(path, i));
    NodeId intended = 0;
    std::map<Key, Siblings> store;
    r.read("intended", intended, Need::required);
    if (const Json* s = r.field("store", Need::required)) {
      if (Status st = read_store(*s, r.path_of("store"), store); !st) r.fail(st);
    }
    if (Status s = r.finish("a hint entry"); !s) return s;
    if (!out.empty() && out.rbegin()->first >= intended) {
      return Status::error(not_sorted(r.path_of("intended"), "intended node"));
    }
    out.emplace(intended, std::move(store));
  }
  return Status::ok();
}

Status read_pending(const Json& json, const std::string& path,
                    std::vector<PendingRequestState>& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  for (size_t i = 0; i < size; ++i) {
    ObjectReader r(json[i], element_path(path, i));
    PendingRequestState p;
    r.read("request_id", p.request_id, Need::required);
    r.read("op_id", p.op_id, Need::required);
    r.read("key", p.key, Need::required);
    if (const Json* t = r.field("targets", Need::required)) {
      if (Status s = read_node_list(*t, r.path_of("targets"), p.targets); !s) r.fail(s);
    }
    if (const Json* a = r.field("answered", Need::required)) {
      if (Status s = read_node_list(*a, r.path_of("answered"), p.answered); !s) r.fail(s);
    }
    if (Status s = r.finish("a pending request"); !s) return s;
    if (!out.empty() && out.back().request_id >= p.request_id) {
      return Status::error(not_sorted(r.path_of("request_id"), "request_id"));
    }
    out.push_back(std::move(p));
  }
  return Status::ok();
}

Status read_roots(const Json& json, const std::string& path, std::map<uint32_t, uint64_t>& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  for (size_t i = 0; i < size; ++i) {
    const std::string at = element_path(path, i);
    size_t pair_size = 0;
    if (Status s = expect_array(json[i], at, pair_size); !s) return s;
    if (pair_size != 2) return Status::error(at + ": expected [partition, root]");
    uint32_t partition = 0;
    uint64_t root = 0;
    if (Status s = read_u32(json[i][0], element_path(at, 0), partition); !s) return s;
    if (Status s = read_u64(json[i][1], element_path(at, 1), root); !s) return s;
    if (!out.empty() && out.rbegin()->first >= partition) {
      return Status::error(not_sorted(element_path(at, 0), "partition"));
    }
    out.emplace(partition, root);
  }
  return Status::ok();
}

}  // namespace

Json node_state_to_json(const NodeState& state) {
  Json j = Json::object();
  j["node"] = state.node;
  j["store"] = store_to_json(state.store);
  j["hints"] = Json::array();
  for (const auto& [intended, store] : state.hints) {
    Json entry = Json::object();
    entry["intended"] = intended;
    entry["store"] = store_to_json(store);
    j["hints"].push_back(std::move(entry));
  }
  j["suspected"] = state.suspected;
  j["pending"] = Json::array();
  for (const PendingRequestState& p : state.pending) j["pending"].push_back(pending_to_json(p));
  j["merkle_roots"] = Json::array();
  for (const auto& [partition, root] : state.merkle_roots) {
    j["merkle_roots"].push_back(Json::array({partition, root}));
  }
  DT_ASSERT(j["hints"].size() == state.hints.size(), "every hint store written");
  return j;
}

Status read_node_state(const Json& json, const std::string& path, NodeState& out) {
  NodeState state;
  ObjectReader r(json, path);
  r.read("node", state.node, Need::required);
  if (const Json* s = r.field("store", Need::required)) {
    if (Status st = read_store(*s, r.path_of("store"), state.store); !st) r.fail(st);
  }
  if (const Json* h = r.field("hints", Need::required)) {
    if (Status st = read_hints(*h, r.path_of("hints"), state.hints); !st) r.fail(st);
  }
  if (const Json* s = r.field("suspected", Need::required)) {
    if (Status st = read_node_list(*s, r.path_of("suspected"), state.suspected); !st) r.fail(st);
  }
  if (const Json* p = r.field("pending", Need::required)) {
    if (Status st = read_pending(*p, r.path_of("pending"), state.pending); !st) r.fail(st);
  }
  if (const Json* m = r.field("merkle_roots", Need::required)) {
    if (Status st = read_roots(*m, r.path_of("merkle_roots"), state.merkle_roots); !st) {
      r.fail(st);
    }
  }
  if (Status s = r.finish("a node state"); !s) return s;
  out = std::move(state);
  return Status::ok();
}

}  // namespace dt
