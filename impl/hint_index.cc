#include "impl/hint_index.h"

#include <algorithm>

#include "core/assert.h"

namespace dt {

HintIndex::HintIndex(uint32_t nodes) : by_intended_(nodes), with_hints_(nodes) {
  DT_ASSERT(nodes > 0, "hint index of an empty cluster");
  DT_ASSERT(by_intended_.size() == nodes, "hint index slots missing");
}

void HintIndex::add(NodeId intended, Key key, const Version& version, Versioning versioning,
                    SiblingMerge& out, DotCollision collisions) {
  DT_ASSERT(intended < by_intended_.size(), "hint for a node outside the cluster");
  Siblings& siblings = by_intended_[intended][key];
  merge_one_into(siblings, version, versioning, out, collisions);
  if (out.changed) {
    Siblings merged = out.materialize();
    siblings = std::move(merged);
    // The old set is gone: repoint `merged` at the stored one (newly_stored
    // points into `version`, which the caller still holds).
    out.merged.clear();
    for (const Version& v : siblings) out.merged.push_back(&v);
  }
  with_hints_.set(intended);
  DT_ASSERT(!siblings.empty(), "hint slot left empty after a merge");
}

bool HintIndex::remove(NodeId intended, Key key, const Dot& dot) {
  if (intended >= by_intended_.size()) return false;
  std::map<Key, Siblings>& hints = by_intended_[intended];
  auto it = hints.find(key);
  if (it == hints.end()) return false;
  Siblings& siblings = it->second;
  auto found = std::find_if(siblings.begin(), siblings.end(),
                            [&](const Version& v) { return v.dot == dot; });
  if (found == siblings.end()) return false;
  siblings.erase(found);
  if (siblings.empty()) hints.erase(it);
  if (hints.empty()) with_hints_.reset(intended);
  DT_ASSERT(!contains(intended, key, dot), "removed hint still present");
  return true;
}

bool HintIndex::contains(NodeId intended, Key key, const Dot& dot) const {
  if (intended >= by_intended_.size()) return false;
  const std::map<Key, Siblings>& hints = by_intended_[intended];
  auto it = hints.find(key);
  if (it == hints.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Version& v) { return v.dot == dot; });
}

std::vector<NodeId> HintIndex::intended_nodes() const {
  std::vector<NodeId> nodes;
  with_hints_.for_each([&](NodeId node) { nodes.push_back(node); });
  DT_ASSERT(std::is_sorted(nodes.begin(), nodes.end()), "intended nodes out of order");
  return nodes;
}

std::vector<HintedEntry> HintIndex::entries_for(NodeId intended) const {
  DT_ASSERT(intended < by_intended_.size(), "hints for a node outside the cluster");
  std::vector<HintedEntry> entries;
  for (const auto& [key, siblings] : by_intended_[intended]) {
    for (const Version& v : siblings) entries.push_back(HintedEntry{key, v});
  }
  DT_ASSERT(entries.empty() == !with_hints_.test(intended), "hint mask out of step");
  return entries;
}

size_t HintIndex::entry_count(NodeId intended) const {
  DT_ASSERT(intended < by_intended_.size(), "hints for a node outside the cluster");
  size_t count = 0;
  for (const auto& [key, siblings] : by_intended_[intended]) count += siblings.size();
  return count;
}

std::map<NodeId, std::map<Key, Siblings>> HintIndex::snapshot() const {
  std::map<NodeId, std::map<Key, Siblings>> view;
  for (NodeId intended : intended_nodes()) view[intended] = by_intended_[intended];
  return view;
}

void HintIndex::add_to(NodeStateDigest& digest) const {
  // Straight from the bitset, ascending as intended_nodes() lists them: no
  // list built (lockstep digests every event).
  digest.hint_count(with_hints_.count());
  with_hints_.for_each([&](NodeId n) { digest.hinted(n, store_digest(by_intended_[n])); });
}

void HintIndex::clear() {
  for (std::map<Key, Siblings>& hints : by_intended_) hints.clear();
  with_hints_.clear();
  DT_ASSERT(empty(), "hints left after clear");
}

}  // namespace dt
