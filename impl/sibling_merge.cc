#include "impl/sibling_merge.h"

#include <algorithm>
#include <tuple>

#include "core/assert.h"

namespace dt {

namespace {

// Same dot and write id: without dot collisions, the same dot alone would do.
bool has_version(const Siblings& siblings, const Version& version) {
  for (const Version& v : siblings) {
    if (v.dot == version.dot && v.write_id == version.write_id) return true;
  }
  return false;
}

bool survives(const std::vector<const Version*>& merged, const Version& v) {
  for (const Version* m : merged) {
    if (m->dot == v.dot && m->write_id == v.write_id) return true;
  }
  return false;
}

// The survivor that took `gone`'s place: one superseding it, else the LWW
// winner (or, bug zoo, the version that reused its dot).
const Version& replacement_of(const std::vector<const Version*>& merged, const Version& gone) {
  DT_ASSERT(!merged.empty(), "a version dropped in favour of nothing");
  for (const Version* m : merged) {
    if (supersedes(*m, gone)) return *m;
  }
  return *merged.front();
}

void add_distinct(std::vector<const Version*>& all, const Version& v, DotCollision collisions) {
  for (const Version*& w : all) {
    if (w->dot != v.dot) continue;
    if (collisions == DotCollision::keep_incoming && !(*w == v)) {
      w = &v;  // Bug zoo (vclock_reset_after_wipe): the old version is dropped.
      return;
    }
    DT_ASSERT(*w == v, "two different versions share a dot");
    return;
  }
  all.push_back(&v);
}

// `all` holds the distinct union; fills out.merged and the flags.
void finish_merge(const Siblings& existing, const std::vector<const Version*>& all,
                  Versioning versioning, SiblingMerge& out, DotCollision collisions) {
  out.merged.clear();
  out.newly_stored.clear();
  out.lww_overwrite = false;
  for (const Version* v : all) {
    bool superseded = false;
    // w != v: a colliding dot (bug zoo) can leave a version covering its own dot.
    for (const Version* w : all) superseded = superseded || (w != v && supersedes(*w, *v));
    if (!superseded) out.merged.push_back(v);
  }
  // Colliding dots (bug zoo) can make versions supersede each other in a cycle;
  // the buggy store then keeps them all. Dots are unique otherwise: no cycle.
  if (out.merged.empty() && collisions == DotCollision::keep_incoming) out.merged = all;
  std::sort(out.merged.begin(), out.merged.end(),
            [](const Version* a, const Version* b) { return a->dot < b->dot; });
  if (versioning == Versioning::lww && out.merged.size() > 1) {
    const Version* winner = *std::max_element(
        out.merged.begin(), out.merged.end(), [](const Version* a, const Version* b) {
          return std::tie(a->lww_timestamp_ns, a->dot) < std::tie(b->lww_timestamp_ns, b->dot);
        });
    out.merged.assign(1, winner);
    out.lww_overwrite = true;
  }
  for (const Version* v : out.merged) {
    if (!has_version(existing, *v)) out.newly_stored.push_back(v);
  }
  out.dropped.clear();
  for (const Version& v : existing) {
    if (survives(out.merged, v)) continue;
    out.dropped.push_back(DroppedVersion{v.write_id, v.dot, v.tombstone,
                                         replacement_of(out.merged, v).write_id});
  }
  out.sibling_created = out.merged.size() > 1 && out.merged.size() > existing.size();
  out.changed = out.merged.size() != existing.size();
  for (size_t i = 0; !out.changed && i < existing.size(); ++i) {
    out.changed = out.merged[i]->dot != existing[i].dot ||
                  out.merged[i]->write_id != existing[i].write_id;
  }
  DT_ASSERT(all.empty() == out.merged.empty(),
            "a merge of versions produced nothing (or something from nothing)");
  DT_ASSERT(versioning == Versioning::vclock || out.merged.size() <= 1,
            "LWW left more than one version");
}

// The scratch union lives per thread so merges allocate nothing once warm.
std::vector<const Version*>& scratch_union() {
  thread_local std::vector<const Version*> all;
  all.clear();
  return all;
}

}  // namespace

Siblings SiblingMerge::materialize() const {
  Siblings siblings;
  siblings.reserve(merged.size());
  for (const Version* v : merged) siblings.push_back(*v);
  DT_ASSERT(siblings.size() == merged.size(), "materialized the wrong count");
  return siblings;
}

void merge_siblings_into(const Siblings& existing, const Siblings& incoming,
                         Versioning versioning, SiblingMerge& out, DotCollision collisions) {
  std::vector<const Version*>& all = scratch_union();
  for (const Version& v : existing) add_distinct(all, v, DotCollision::impossible);
  for (const Version& v : incoming) add_distinct(all, v, collisions);
  DT_ASSERT(all.size() <= existing.size() + incoming.size(), "union grew past its inputs");
  finish_merge(existing, all, versioning, out, collisions);
}

void merge_one_into(const Siblings& existing, const Version& incoming, Versioning versioning,
                    SiblingMerge& out, DotCollision collisions) {
  std::vector<const Version*>& all = scratch_union();
  for (const Version& v : existing) add_distinct(all, v, DotCollision::impossible);
  add_distinct(all, incoming, collisions);
  DT_ASSERT(!all.empty(), "a merge with an incoming version has an empty union");
  finish_merge(existing, all, versioning, out, collisions);
}

}  // namespace dt
