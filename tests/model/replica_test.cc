#include "model/replica.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

Version replica_version(ActorId actor, uint64_t counter, bool tombstone = false,
                        VClock context = {}) {
  Version v;
  v.dot = Dot{actor, counter};
  v.context = std::move(context);
  v.tombstone = tombstone;
  if (!tombstone) v.value = {static_cast<ElementValue>(counter)};
  v.write_id = 100 * actor + counter;
  return v;
}

TEST(ReplicaTest, MainMergeReportsRecordsThenFlagsThenTombstones) {
  VersionStore store;
  Effects out;
  merge_into_main(3, 1, TraceKind::stored, 9, {replica_version(1, 1)}, store, Versioning::vclock,
                  out);
  out.clear();
  merge_into_main(3, 2, TraceKind::repaired, 9,
                  {replica_version(2, 1, true), replica_version(0, 1)}, store, Versioning::vclock,
                  out);
  ASSERT_EQ(out.trace.size(), 2u);  // newly stored, canonical order
  EXPECT_EQ(out.trace[0].dot, (Dot{0, 1}));
  EXPECT_EQ(out.trace[1].dot, (Dot{2, 1}));
  EXPECT_EQ(out.trace[1].kind, TraceKind::repaired);
  EXPECT_EQ(out.trace[1].node, 3u);
  EXPECT_EQ(out.trace[1].peer, 2u);
  EXPECT_EQ(out.trace[1].write_id, 201u);
  EXPECT_TRUE(out.trace[1].tombstone);
  EXPECT_EQ(out.marks, (std::vector<CoverageMark>{CoverageMark::sibling_created,
                                                  CoverageMark::tombstone_stored}));
  EXPECT_EQ(store.get(9).size(), 3u);
}

TEST(ReplicaTest, NothingNewMeansNoRecords) {
  VersionStore store;
  Effects out;
  const Version newer = replica_version(1, 2, false, VClock({{1, 1}}));
  merge_into_main(0, 1, TraceKind::stored, 4, {newer}, store, Versioning::vclock, out);
  out.clear();
  merge_into_main(0, 1, TraceKind::stored, 4, {replica_version(1, 1)}, store, Versioning::vclock,
                  out);
  EXPECT_TRUE(out.trace.empty());
  EXPECT_TRUE(out.marks.empty());
}

TEST(ReplicaTest, StoreRequestGoesToTheHintStoreWhenHinted) {
  VersionStore store;
  HintStore hints;
  Effects out;
  handle_store_request(4, 1, StoreRequest{7, 5, replica_version(1, 1), 0}, store, hints,
                       Versioning::vclock, out);
  EXPECT_TRUE(store.empty());
  EXPECT_TRUE(hints.contains(0, 5, Dot{1, 1}));
  ASSERT_EQ(out.trace.size(), 1u);
  EXPECT_EQ(out.trace[0].kind, TraceKind::hinted);
  EXPECT_EQ(out.trace[0].peer, 0u);   // the intended node
  EXPECT_EQ(out.trace[0].extra, 1u);  // the sender
  EXPECT_EQ(out.marks, std::vector<CoverageMark>{CoverageMark::hint_stored});
  ASSERT_EQ(out.sends.size(), 1u);
  EXPECT_EQ(out.sends[0], (Outgoing{1, StoreAck{7, 5}}));
}

TEST(ReplicaTest, DuplicateStoreRequestIsAckedAgain) {
  VersionStore store;
  HintStore hints;
  Effects out;
  const StoreRequest request{7, 5, replica_version(1, 1), kNoNode};
  handle_store_request(4, 1, request, store, hints, Versioning::vclock, out);
  out.clear();
  handle_store_request(4, 1, request, store, hints, Versioning::vclock, out);
  EXPECT_TRUE(out.trace.empty());
  ASSERT_EQ(out.sends.size(), 1u);
  EXPECT_EQ(out.sends[0], (Outgoing{1, StoreAck{7, 5}}));
}

TEST(ReplicaDeathTest, MainMergeUnderANonStoringKindIsABug) {
  VersionStore store;
  Effects out;
  EXPECT_DEATH(merge_into_main(0, 1, TraceKind::hinted, 4, {replica_version(1, 1)}, store,
                               Versioning::vclock, out),
               "non-storing trace kind");
}

}  // namespace
}  // namespace dt
