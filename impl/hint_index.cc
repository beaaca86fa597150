#include "impl/hint_index.h"

#include <algorithm>

#include "core/assert.h"

namespace dt {

HintIndex::HintIndex(uint32_t nodes) : nodes_(nodes), with_hints_(nodes) {
  DT_ASSERT(nodes > 0, "hint index of an empty cluster");
}

void HintIndex::add(NodeId intended, Key key, const Version& version, Versioning versioning,
                    SiblingMerge& out, DotCollision collisions) {
  DT_ASSERT(intended < nodes_, "hint for a node outside the cluster");
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
  const auto node_it = by_intended_.find(intended);
  if (node_it == by_intended_.end()) return false;
  std::map<Key, Siblings>& hints = node_it->second;
  auto it = hints.find(key);
  if (it == hints.end()) return false;
  Siblings& siblings = it->second;
  auto found = std::find_if(siblings.begin(), siblings.end(),
                            [&](const Version& v) { return v.dot == dot; });
  if (found == siblings.end()) return false;
  siblings.erase(found);
  if (siblings.empty()) hints.erase(it);
  if (hints.empty()) {
    by_intended_.erase(node_it);
    with_hints_.reset(intended);
  }
  DT_ASSERT(!contains(intended, key, dot), "removed hint still present");
  return true;
}

bool HintIndex::contains(NodeId intended, Key key, const Dot& dot) const {
  const auto node_it = by_intended_.find(intended);
  if (node_it == by_intended_.end()) return false;
  const std::map<Key, Siblings>& hints = node_it->second;
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
  DT_ASSERT(intended < nodes_, "hints for a node outside the cluster");
  std::vector<HintedEntry> entries;
  const auto node_it = by_intended_.find(intended);
  if (node_it == by_intended_.end()) return entries;
  for (const auto& [key, siblings] : node_it->second) {
    for (const Version& v : siblings) entries.push_back(HintedEntry{key, v});
  }
  DT_ASSERT(entries.empty() == !with_hints_.test(intended), "hint mask out of step");
  return entries;
}

size_t HintIndex::entry_count(NodeId intended) const {
  DT_ASSERT(intended < nodes_, "hints for a node outside the cluster");
  size_t count = 0;
  const auto node_it = by_intended_.find(intended);
  if (node_it == by_intended_.end()) return 0;
  for (const auto& [key, siblings] : node_it->second) count += siblings.size();
  return count;
}

std::map<NodeId, std::map<Key, Siblings>> HintIndex::snapshot() const {
  DT_ASSERT(by_intended_.size() == with_hints_.count(), "hint mask out of step");
  return by_intended_;
}

void HintIndex::add_to(NodeStateDigest& digest) const {
  // Ascending as intended_nodes() lists them: no list built (lockstep
  // digests every event).
  DT_ASSERT(by_intended_.size() == with_hints_.count(), "hint mask out of step");
  digest.hint_count(by_intended_.size());
  for (const auto& [n, hints] : by_intended_) digest.hinted(n, store_digest(hints));
}

void HintIndex::clear() {
  by_intended_.clear();
  with_hints_.clear();
  DT_ASSERT(empty(), "hints left after clear");
}

}  // namespace dt
