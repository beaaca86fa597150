// The impl's merge against the model's merge_siblings on random sibling sets:
// same survivors, same newly stored versions, same flags.
#include "impl/sibling_merge.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <vector>

#include "model/store.h"

namespace dt {
namespace {

// A version over a tiny dot space, so dots collide and contexts cover each other.
Version small_version(uint8_t actor, uint8_t counter, uint8_t context_bits, int64_t ts) {
  Version v;
  v.dot = Dot{actor % 3u, counter % 4u + 1};
  std::vector<VClock::Entry> entries;
  for (NodeId a = 0; a < 3; ++a) {
    const uint64_t c = (context_bits >> (2 * a)) & 3;
    if (c > 0) entries.emplace_back(a, c);
  }
  v.context = VClock(std::move(entries));
  // Same dot => same version (the merge requires it): derive everything else from the dot.
  v.value = {static_cast<ElementValue>(v.dot.actor * 10 + v.dot.counter)};
  v.write_id = v.dot.actor * 10 + v.dot.counter;
  v.lww_timestamp_ns = ts;
  return v;
}

Siblings canonical_set(const std::vector<uint8_t>& seeds, std::vector<Version>& pool) {
  Siblings set;
  for (uint8_t s : seeds) {
    const Version& v = pool[s % pool.size()];
    if (std::none_of(set.begin(), set.end(), [&](const Version& w) { return w.dot == v.dot; })) {
      set.push_back(v);
    }
  }
  // A stored set holds no superseded version: reduce it the model's way.
  return merge_siblings({}, set, Versioning::vclock).merged;
}

// Depth-first search for a cycle in "a supersedes b" over the pool.
bool has_supersession_cycle(const std::vector<Version>& pool) {
  enum Mark { unvisited, on_path, done };
  std::vector<Mark> mark(pool.size(), unvisited);
  std::function<bool(size_t)> visit = [&](size_t i) {
    mark[i] = on_path;
    for (size_t j = 0; j < pool.size(); ++j) {
      if (!supersedes(pool[i], pool[j])) continue;
      if (mark[j] == on_path || (mark[j] == unvisited && visit(j))) return true;
    }
    mark[i] = done;
    return false;
  };
  for (size_t i = 0; i < pool.size(); ++i) {
    if (mark[i] == unvisited && visit(i)) return true;
  }
  return false;
}

RC_GTEST_PROP(SiblingMergeTest, MatchesTheModel,
              (const std::vector<uint8_t>& existing_seeds,
               const std::vector<uint8_t>& incoming_seeds, bool lww)) {
  std::vector<Version> pool;  // one version per dot
  for (uint8_t actor = 0; actor < 3; ++actor) {
    for (uint8_t counter = 0; counter < 4; ++counter) {
      pool.push_back(small_version(actor, counter, *rc::gen::arbitrary<uint8_t>(),
                                   *rc::gen::inRange<int64_t>(0, 3)));
    }
  }
  // Contexts must not cover their own dot (a fresh dot is never in its context).
  for (Version& v : pool) {
    if (clock_covers(v.context, v.dot)) v.context = VClock();
  }
  // Real versions supersede only versions created before them, so the
  // relation has no cycle; a cyclic pool (each side covering the other's dot)
  // cannot arise and would make every merge drop both.
  RC_PRE(!has_supersession_cycle(pool));
  const Versioning versioning = lww ? Versioning::lww : Versioning::vclock;
  Siblings existing = canonical_set(existing_seeds, pool);
  if (lww && existing.size() > 1) existing.resize(1);
  const Siblings incoming = canonical_set(incoming_seeds, pool);
  const MergeResult model = merge_siblings(existing, incoming, versioning);
  SiblingMerge impl;
  merge_siblings_into(existing, incoming, versioning, impl);
  RC_ASSERT(impl.materialize() == model.merged);
  Siblings newly;
  for (const Version* v : impl.newly_stored) newly.push_back(*v);
  RC_ASSERT(newly == model.newly_stored);
  RC_ASSERT(impl.sibling_created == model.sibling_created);
  RC_ASSERT(impl.lww_overwrite == model.lww_overwrite);
  RC_ASSERT(impl.changed == (model.merged != existing));
}

TEST(SiblingMergeTest, KeepsTheIncomingVersionOfACollidingDotOnlyWhenAsked) {
  // Bug zoo (vclock_reset_after_wipe): write 2 reuses write 1's dot 0:1.
  Version old_version;
  old_version.dot = Dot{0, 1};
  old_version.write_id = 1;
  old_version.value = {1};
  Version incoming = old_version;
  incoming.write_id = 2;
  incoming.value = {2};
  incoming.context = VClock(std::vector<VClock::Entry>{{0, 1}});  // covers its own dot
  SiblingMerge out;
  merge_one_into({old_version}, incoming, Versioning::vclock, out, DotCollision::keep_incoming);
  ASSERT_EQ(out.merged.size(), 1u);
  EXPECT_EQ(out.merged[0]->write_id, 2u);
  EXPECT_TRUE(out.changed);
  ASSERT_EQ(out.newly_stored.size(), 1u);
  // `merged` points into the inputs, so they must outlive it.
  const std::vector<Version> stored{old_version}, arriving{incoming};
  merge_siblings_into(stored, arriving, Versioning::vclock, out, DotCollision::keep_incoming);
  ASSERT_EQ(out.merged.size(), 1u);
  EXPECT_EQ(out.merged[0]->write_id, 2u);
}

}  // namespace
}  // namespace dt
