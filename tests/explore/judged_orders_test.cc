// The facts the identity keeps about cross-node record orders must be what
// handoff_hygiene reads (checks/handoff_hygiene.cc): hand-built traces for
// each case it tells apart, and the near misses it does not count.
#include "explore/judged_orders.h"

#include <gtest/gtest.h>

#include <vector>

namespace dt {
namespace {

TraceRecord rec(TraceKind kind, NodeId node, NodeId peer, WriteId write) {
  TraceRecord r;
  r.node = node;
  r.kind = kind;
  r.peer = peer;
  r.key = 7;
  r.write_id = write;
  return r;
}

TEST(JudgedOrders, HintDeletedAfterTheHomesAck) {
  const TraceRecord deleted = rec(TraceKind::hint_deleted, 3, 1, 5);  // fallback 3, home 1
  EXPECT_EQ(judged_order_fact(deleted, {}), 0u);
  EXPECT_EQ(judged_order_fact(deleted, {rec(TraceKind::handed_off, 1, 3, 5)}), 1u);
  EXPECT_EQ(judged_order_fact(deleted, {rec(TraceKind::handoff_covered, 1, 3, 5)}), 1u);
  // An ack of another write, from another holder, or at another node is not this one's.
  EXPECT_EQ(judged_order_fact(deleted, {rec(TraceKind::handed_off, 1, 3, 6)}), 0u);
  EXPECT_EQ(judged_order_fact(deleted, {rec(TraceKind::handed_off, 1, 2, 5)}), 0u);
  EXPECT_EQ(judged_order_fact(deleted, {rec(TraceKind::handed_off, 2, 3, 5)}), 0u);
  TraceRecord other_key = rec(TraceKind::handed_off, 1, 3, 5);
  other_key.key = 8;
  EXPECT_EQ(judged_order_fact(deleted, {other_key}), 0u);
}

TEST(JudgedOrders, AntiEntropyStoreAgainstWhatThePeerHeld) {
  const TraceRecord stored = rec(TraceKind::anti_entropy_stored, 0, 2, 5);  // from peer 2
  EXPECT_EQ(judged_order_fact(stored, {}), 0u);
  EXPECT_EQ(judged_order_fact(stored, {rec(TraceKind::hinted, 2, 1, 5)}), 1u);
  EXPECT_EQ(judged_order_fact(stored, {rec(TraceKind::stored, 2, kNoNode, 5)}), 2u);
  EXPECT_EQ(judged_order_fact(stored, {rec(TraceKind::hinted, 2, 1, 5),
                                       rec(TraceKind::repaired, 2, kNoNode, 5)}),
            2u);
  EXPECT_EQ(judged_order_fact(stored, {rec(TraceKind::stored, 1, kNoNode, 5)}), 0u);
  EXPECT_EQ(judged_order_fact(stored, {rec(TraceKind::stored, 2, kNoNode, 6)}), 0u);
}

TEST(JudgedOrders, RolesCoverWhatTheCheckerCompares) {
  EXPECT_TRUE(reads_judged_order(TraceKind::hint_deleted));
  EXPECT_TRUE(reads_judged_order(TraceKind::anti_entropy_stored));
  EXPECT_FALSE(reads_judged_order(TraceKind::stored));
  for (TraceKind k : {TraceKind::handed_off, TraceKind::handoff_covered, TraceKind::hinted,
                      TraceKind::stored, TraceKind::repaired, TraceKind::anti_entropy_stored}) {
    EXPECT_TRUE(writes_judged_order(k)) << to_string(k);
  }
  EXPECT_FALSE(writes_judged_order(TraceKind::hint_deleted));
}

}  // namespace
}  // namespace dt
