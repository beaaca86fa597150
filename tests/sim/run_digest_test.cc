#include "sim/run_digest.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

History two_ops() {
  HistoryOp invoke;
  invoke.index = 0;
  invoke.f = OpFn::put;
  invoke.value = 3;
  invoke.write_id = 1;
  HistoryOp ok = invoke;
  ok.index = 1;
  ok.type = OpType::ok;
  ok.time_ns = 10;
  return {invoke, ok};
}

TEST(RunDigest, EqualRunsEqualDigests) {
  ReplicaTrace trace;
  trace.final_states.resize(2);
  EXPECT_EQ(run_digest(two_ops(), trace), run_digest(two_ops(), trace));
}

TEST(RunDigest, EveryPartCounts) {
  ReplicaTrace trace;
  const uint64_t base = run_digest(two_ops(), trace);
  History history = two_ops();
  history[1].error = "x";
  EXPECT_NE(run_digest(history, trace), base);
  history = two_ops();
  history[0].value.reset();
  EXPECT_NE(run_digest(history, trace), base);
  ReplicaTrace other = trace;
  other.records.push_back(TraceRecord{});
  EXPECT_NE(run_digest(two_ops(), other), base);
  other = trace;
  other.coverage[3] = 1;
  EXPECT_NE(run_digest(two_ops(), other), base);
  other = trace;
  other.final_states.push_back(NodeState{});
  EXPECT_NE(run_digest(two_ops(), other), base);
  other = trace;
  other.quiesced = true;
  EXPECT_NE(run_digest(two_ops(), other), base);
}

TEST(RunDigest, HexIsFixedWidthLowercase) {
  EXPECT_EQ(digest_hex(1), "0000000000000001");
  EXPECT_EQ(digest_hex(UINT64_MAX), "ffffffffffffffff");
}

TEST(RunDigestDeathTest, SparseIndicesAreAnInternalError) {
  History history = two_ops();
  history[1].index = 5;
  EXPECT_DEATH(run_digest(history, ReplicaTrace{}), "not dense");
}

}  // namespace
}  // namespace dt
