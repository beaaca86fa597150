#include "model/hint_store.h"

#include "core/assert.h"

namespace dt {

MergeResult HintStore::add(NodeId intended, Key key, const Version& version,
                           Versioning versioning) {
  DT_ASSERT(intended != kNoNode, "hint for no node");
  MergeResult result = by_intended_[intended].merge(key, {version}, versioning);
  DT_ASSERT(!by_intended_[intended].empty(), "hint store for a node left empty after a merge");
  return result;
}

bool HintStore::remove(NodeId intended, Key key, const Dot& dot) {
  auto it = by_intended_.find(intended);
  if (it == by_intended_.end()) return false;
  const bool removed = it->second.remove_version(key, dot);
  if (it->second.empty()) by_intended_.erase(it);
  DT_ASSERT(!by_intended_.count(intended) || !by_intended_.at(intended).empty(),
            "empty hint store kept");
  return removed;
}

bool HintStore::contains(NodeId intended, Key key, const Dot& dot) const {
  auto it = by_intended_.find(intended);
  if (it == by_intended_.end()) return false;
  for (const Version& v : it->second.get(key)) {
    if (v.dot == dot) return true;
  }
  return false;
}

std::vector<NodeId> HintStore::intended_nodes() const {
  std::vector<NodeId> nodes;
  for (const auto& [intended, store] : by_intended_) {
    DT_ASSERT(!store.empty(), "empty hint store kept");
    nodes.push_back(intended);
  }
  return nodes;
}

std::vector<HintedEntry> HintStore::entries_for(NodeId intended) const {
  std::vector<HintedEntry> entries;
  auto it = by_intended_.find(intended);
  if (it == by_intended_.end()) return entries;
  for (const auto& [key, siblings] : it->second.entries()) {
    for (const Version& v : siblings) entries.push_back(HintedEntry{key, v});
  }
  DT_ASSERT(!entries.empty(), "intended node listed without hints");
  return entries;
}

std::map<NodeId, std::map<Key, Siblings>> HintStore::snapshot() const {
  std::map<NodeId, std::map<Key, Siblings>> view;
  for (const auto& [intended, store] : by_intended_) view[intended] = store.entries();
  return view;
}

void HintStore::add_to(NodeStateDigest& digest) const {
  digest.hint_count(by_intended_.size());
  for (const auto& [intended, store] : by_intended_) {
    digest.hinted(intended, store_digest(store.entries()));
  }
}

}  // namespace dt
