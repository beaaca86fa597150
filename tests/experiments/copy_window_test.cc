#include "experiments/copy_window.h"

#include <gtest/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

constexpr Key kKey = 3;

TEST(CopyWindowTest, CountsTheTimeAfterTheAckWithFewerThanNCopies) {
  const Config config = test::config_of(3, 1, 2, QuorumMode::strict);
  const std::vector<NodeId> home = test::home_of(config, kKey);
  const Version v1 = test::version(1, home[0], 1);
  test::HistoryBuilder history;
  history.put(0, kKey, 1, 10, 20, OpType::ok, home[0]);
  test::TraceBuilder trace;
  trace.quiesced_empty(config, 1000);
  // Two copies before the ack, the third 30 ns after it.
  trace.stored(12, home[0], kKey, v1).stored(13, home[1], kKey, v1).stored(50, home[2], kKey, v1);
  trace.final_store(home, kKey, {v1});
  const Result<CopyWindows> windows = copy_windows(config, history.build(), trace.build());
  ASSERT_TRUE(windows.is_ok()) << windows.error();
  ASSERT_EQ(windows.value().writes.size(), 1u);
  EXPECT_EQ(windows.value().writes[0].below_n_ns, 30u);
  EXPECT_FALSE(windows.value().writes[0].lost);
  EXPECT_EQ(windows.value().lost_to_faults, 0u);
}

TEST(CopyWindowTest, AWriteWhoseOnlyCopyWasAVolatileHintIsLostToFaults) {
  Config config = test::config_of(3, 1, 1, QuorumMode::sloppy);
  config.hint_store = HintStoreMode::volatile_;
  const std::vector<NodeId> home = test::home_of(config, kKey);
  const NodeId fallback = test::non_home_of(config, kKey)[0];
  const Version v1 = test::version(1, fallback, 1);
  test::HistoryBuilder history;
  history.put(0, kKey, 1, 10, 20, OpType::ok, fallback);
  test::TraceBuilder trace;
  trace.quiesced_empty(config, 1000);
  trace.hinted(12, fallback, home[0], kKey, v1);
  trace.record(60, TraceKind::lost_on_crash, fallback, home[0], kKey, 1, v1.dot);
  trace.fault(60, TraceKind::crashed, fallback);
  trace.fault(90, TraceKind::restarted, fallback);
  const Result<CopyWindows> windows = copy_windows(config, history.build(), trace.build());
  ASSERT_TRUE(windows.is_ok()) << windows.error();
  const CopyWindows& w = windows.value();
  ASSERT_EQ(w.writes.size(), 1u);
  EXPECT_TRUE(w.writes[0].lost);
  EXPECT_EQ(w.writes[0].below_n_ns, 90u - 20u);  // never closed: up to the trace's end
  EXPECT_EQ(w.lost_to_faults, 1u);
  EXPECT_EQ(w.lost_unexplained, 0u);
  EXPECT_EQ(w.hints_lost_on_crash, 1u);
}

}  // namespace
}  // namespace dt
