#include "model/store.h"

#include <algorithm>
#include <tuple>

#include "core/assert.h"

namespace dt {

namespace {

bool contains_dot(const Siblings& siblings, const Dot& dot) {
  return std::any_of(siblings.begin(), siblings.end(),
                     [&](const Version& v) { return v.dot == dot; });
}

// Every distinct dot of a and b once (a's copy first), superseded ones dropped.
Siblings undominated_union(const Siblings& a, const Siblings& b) {
  Siblings all;
  for (const Siblings* side : {&a, &b}) {
    for (const Version& v : *side) {
      auto same =
          std::find_if(all.begin(), all.end(), [&](const Version& w) { return w.dot == v.dot; });
      if (same == all.end()) {
        all.push_back(v);
      } else {
        DT_ASSERT(*same == v, "two different versions share a dot");
      }
    }
  }
  Siblings kept;
  for (const Version& v : all) {
    const bool superseded =
        std::any_of(all.begin(), all.end(), [&](const Version& w) { return supersedes(w, v); });
    if (!superseded) kept.push_back(v);
  }
  sort_canonical(kept);
  return kept;
}

// The survivor that took `gone`'s place: one superseding it, else the LWW winner.
const Version& replacement_of(const Siblings& merged, const Version& gone) {
  DT_ASSERT(!merged.empty(), "a version dropped in favour of nothing");
  for (const Version& v : merged) {
    if (supersedes(v, gone)) return v;
  }
  return merged.front();
}

bool lww_less(const Version& a, const Version& b) {
  return std::tie(a.lww_timestamp_ns, a.dot) < std::tie(b.lww_timestamp_ns, b.dot);
}

}  // namespace

MergeResult merge_siblings(const Siblings& existing, const Siblings& incoming,
                           Versioning versioning) {
  MergeResult result;
  result.merged = undominated_union(existing, incoming);
  if (versioning == Versioning::lww && result.merged.size() > 1) {
    const Version winner = *std::max_element(result.merged.begin(), result.merged.end(), lww_less);
    result.merged = {winner};
    result.lww_overwrite = true;
  }
  for (const Version& v : result.merged) {
    if (!contains_dot(existing, v.dot)) result.newly_stored.push_back(v);
  }
  for (const Version& v : existing) {
    if (contains_dot(result.merged, v.dot)) continue;
    result.dropped.push_back(
        DroppedVersion{v.write_id, v.dot, v.tombstone, replacement_of(result.merged, v).write_id});
  }
  result.sibling_created = result.merged.size() > 1 && result.merged.size() > existing.size();
  DT_ASSERT(existing.empty() && incoming.empty() ? result.merged.empty() : !result.merged.empty(),
            "a merge of versions produced nothing (or something from nothing)");
  DT_ASSERT(versioning == Versioning::vclock || result.merged.size() <= 1,
            "LWW left more than one version");
  return result;
}

const Siblings& VersionStore::get(Key key) const {
  static const Siblings kNone;
  auto it = entries_.find(key);
  return it == entries_.end() ? kNone : it->second;
}

MergeResult VersionStore::merge(Key key, const Siblings& incoming, Versioning versioning) {
  ++generation_;
  MergeResult result = merge_siblings(get(key), incoming, versioning);
  if (!result.merged.empty()) entries_[key] = result.merged;
  DT_ASSERT(entries_.count(key) || incoming.empty(), "merged key missing from the store");
  return result;
}

bool VersionStore::remove_version(Key key, const Dot& dot) {
  ++generation_;
  auto it = entries_.find(key);
  if (it == entries_.end()) return false;
  Siblings& siblings = it->second;
  auto found = std::find_if(siblings.begin(), siblings.end(),
                            [&](const Version& v) { return v.dot == dot; });
  if (found == siblings.end()) return false;
  siblings.erase(found);
  if (siblings.empty()) entries_.erase(it);
  DT_ASSERT(!entries_.count(key) || !entries_.at(key).empty(), "empty sibling set kept");
  return true;
}

}  // namespace dt
