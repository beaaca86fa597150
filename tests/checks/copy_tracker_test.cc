#include "checks/copy_tracker.h"
#include "checks/supersession.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

constexpr Key kTrackedKey = 1;

struct TrackerCase {
  Config config = test::config_of(3, 2, 2, QuorumMode::sloppy);
  Version v1 = test::version(1, 0, 1);
  Version v2 = test::version(2, 1, 1, test::clock_of({{0, 1}}));  // supersedes v1
  Version other = test::version(3, 2, 1);                          // concurrent with v1
  History history;
  test::TraceBuilder trace;

  TrackerCase() {
    test::HistoryBuilder h;
    h.put(0, kTrackedKey, 1, 10, 20);
    h.put(1, kTrackedKey, 2, 30, 40, OpType::ok, 1, v2.context);
    h.put(2, kTrackedKey, 3, 50, 60);
    history = h.build();
  }
  // Replays the trace for write 1 and returns the tracker's final state.
  template <typename Check>
  void replay(Check check) {
    const ReplicaTrace t = trace.build();
    const Result<HistoryIndex> index = HistoryIndex::build(history);
    ASSERT_TRUE(index.is_ok());
    const WriteFacts facts(index.value(), t);
    CopyTracker tracker(config, Supersession(index.value(), facts).descendants(1), 1);
    for (const TraceRecord& r : t.records) tracker.apply(r);
    check(tracker);
  }
};

TEST(CopyTracker, CountsMainAndHintCopies) {
  TrackerCase c;
  c.trace.stored(1, 0, kTrackedKey, c.v1)
      .hinted(2, 4, 1, kTrackedKey, c.v1)
      .stored(3, 2, kTrackedKey, c.other);
  c.replay([](const CopyTracker& t) {
    EXPECT_TRUE(t.ever_copied());
    EXPECT_EQ(t.live_copies(), 2u);
    EXPECT_EQ(t.holders_text(), "main {0} hints {4}");
  });
}

TEST(CopyTracker, CountsASupersedingVersionAsACopy) {
  TrackerCase c;
  c.trace.stored(1, 0, kTrackedKey, c.v1).stored(2, 1, kTrackedKey, c.v2);
  c.trace.fault(3, TraceKind::wiped, 0);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 1u);
    EXPECT_FALSE(t.last_destruction().has_value());
  });
}

TEST(CopyTracker, NamesTheFaultThatDestroyedTheLastCopy) {
  TrackerCase c;
  c.config.hint_store = HintStoreMode::volatile_;
  c.trace.stored(1, 0, kTrackedKey, c.v1).hinted(2, 4, 1, kTrackedKey, c.v1);
  c.trace.fault(3, TraceKind::wiped, 0).fault(4, TraceKind::crashed, 4);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 0u);
    ASSERT_TRUE(t.last_destruction().has_value());
    EXPECT_EQ(t.last_destruction()->kind, TraceKind::crashed);
    EXPECT_EQ(t.last_destruction()->node, 4u);
  });
}

TEST(CopyTracker, KeepsDurableHintsAcrossACrashAndDropsThemOnDeletion) {
  TrackerCase c;
  c.trace.hinted(2, 4, 1, kTrackedKey, c.v1).fault(3, TraceKind::crashed, 4);
  c.trace.hint_deleted(5, 4, 1, kTrackedKey, c.v1);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 0u);
    ASSERT_TRUE(t.last_destruction().has_value());
    EXPECT_EQ(t.last_destruction()->kind, TraceKind::hint_deleted);
  });
}

TEST(CopyTracker, ASupersededHintIsNoLongerACopy) {
  // The hint store replaced hint v1 by its descendant v2; v2 was handed off
  // and deleted, then its new home was wiped. Was a false lost_write ("still
  // held: hints {4}") before hint_superseded was recorded.
  TrackerCase c;
  c.trace.hinted(1, 4, 1, kTrackedKey, c.v1).hinted(2, 4, 1, kTrackedKey, c.v2);
  c.trace.record(2, TraceKind::hint_superseded, 4, 1, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.handed_off(3, 1, 4, kTrackedKey, c.v2).hint_deleted(4, 4, 1, kTrackedKey, c.v2);
  c.trace.fault(5, TraceKind::wiped, 1);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 0u);
    ASSERT_TRUE(t.last_destruction().has_value());
    EXPECT_EQ(t.last_destruction()->kind, TraceKind::wiped);
    EXPECT_EQ(t.holders_text(), "main {} hints {}");  // node 4's hint set is empty, not gone
  });
}

TEST(CopyTracker, ASupersededMainVersionIsNoLongerACopyUnlessItsReplacementCovers) {
  TrackerCase c;
  c.trace.stored(1, 0, kTrackedKey, c.v1).stored(2, 0, kTrackedKey, c.other);
  c.trace.record(2, TraceKind::superseded, 0, kNoNode, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.fault(3, TraceKind::wiped, 2);  // after the loss: destroys nothing more
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 0u);
    ASSERT_TRUE(t.last_destruction().has_value());
    EXPECT_EQ(t.last_destruction()->kind, TraceKind::superseded);
    EXPECT_EQ(t.holders_text(), "main {} hints {}");  // node 0's set is empty, not gone
  });
}

TEST(CopyTracker, AHintDeletedOnAnAckWhoseSenderWasWipedSinceIsLostToTheWipe) {
  // Node 1 acked the hint (it already covered it), then was wiped while the
  // ack travelled; the holder's deletion destroyed the last copy, but the
  // wipe is what lost the write.
  TrackerCase c;
  c.trace.hinted(1, 4, 1, kTrackedKey, c.v1).stored(2, 1, kTrackedKey, c.v1);
  c.trace.record(3, TraceKind::handoff_covered, 1, 4, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.fault(4, TraceKind::wiped, 1).hint_deleted(5, 4, 1, kTrackedKey, c.v1);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 0u);
    ASSERT_TRUE(t.last_destruction().has_value());
    EXPECT_EQ(t.last_destruction()->kind, TraceKind::wiped);
    EXPECT_EQ(t.last_destruction()->node, 1u);
  });
}

TEST(CopyTracker, AHintDeletedOnAnAckWithNoWipeSinceIsItsOwnDestroyer) {
  // Node 1 acked the hint, then a concurrent version superseded w1 there (no
  // wipe): deleting the hint destroyed the last copy, and that deletion is named.
  TrackerCase c;
  c.trace.hinted(1, 4, 1, kTrackedKey, c.v1).handed_off(2, 1, 4, kTrackedKey, c.v1);
  c.trace.stored(3, 1, kTrackedKey, c.other);
  c.trace.record(3, TraceKind::superseded, 1, kNoNode, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.fault(3, TraceKind::wiped, 2);  // another node's wipe says nothing of node 1's ack
  c.trace.hint_deleted(4, 4, 1, kTrackedKey, c.v1);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 0u);
    ASSERT_TRUE(t.last_destruction().has_value());
    EXPECT_EQ(t.last_destruction()->kind, TraceKind::hint_deleted);
    EXPECT_EQ(t.last_destruction()->node, 4u);
    EXPECT_EQ(t.last_destruction()->time_ns, 4u);
  });
}

TEST(CopyTracker, CountsOnlyVersionsThatCoverTheWrite) {
  // A concurrent version hinted, handed off or acked is no copy of w1.
  TrackerCase c;
  c.trace.hinted(1, 4, 1, kTrackedKey, c.other).handed_off(2, 1, 4, kTrackedKey, c.other);
  c.trace.record(3, TraceKind::handoff_covered, 2, 4, kTrackedKey, c.other.write_id, c.other.dot);
  c.replay([](const CopyTracker& t) {
    EXPECT_FALSE(t.ever_copied());
    EXPECT_EQ(t.live_copies(), 0u);
    EXPECT_EQ(t.holders_text(), "main {} hints {}");
  });
}

TEST(CopyTracker, IgnoresRemovalsFromStoresThatHeldNothing) {
  TrackerCase c;
  c.trace.stored(1, 0, kTrackedKey, c.v1).hinted(1, 4, 1, kTrackedKey, c.v1);
  c.trace.record(2, TraceKind::superseded, 2, kNoNode, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.record(3, TraceKind::hint_superseded, 3, 1, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.hint_deleted(4, 2, 1, kTrackedKey, c.v1);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 2u);
    EXPECT_EQ(t.holders_text(), "main {0} hints {4}");
    EXPECT_FALSE(t.last_destruction().has_value());
  });
}

TEST(CopyTracker, AHandoffAloneIsACopy) {
  TrackerCase c;
  c.trace.handed_off(2, 1, 4, kTrackedKey, c.v1);
  c.replay([](const CopyTracker& t) {
    EXPECT_TRUE(t.ever_copied());
    EXPECT_EQ(t.live_copies(), 1u);
    EXPECT_EQ(t.holders_text(), "main {1} hints {}");
  });
}

TEST(CopyTracker, ANodesOwnLossClaimIsNotADestruction) {
  TrackerCase c;
  c.trace.hinted(1, 4, 1, kTrackedKey, c.v1);
  c.trace.record(3, TraceKind::lost_on_crash, 4, 1, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.trace.record(4, TraceKind::lost_on_wipe, 4, 1, kTrackedKey, c.v1.write_id, c.v1.dot);
  c.replay([](const CopyTracker& t) {
    EXPECT_EQ(t.live_copies(), 1u);
    EXPECT_FALSE(t.last_destruction().has_value());
  });
}

}  // namespace
}  // namespace dt
