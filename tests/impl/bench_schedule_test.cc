// The benchmark schedules are valid schedules (a file written from one would
// load), and the scale schedule stays inside the config's and the
// workload's limits at every cluster size bench accepts.
#include "impl/bench_schedule.h"

#include <gtest/gtest.h>

#include "core/schedule_validate.h"

namespace dt {
namespace {

TEST(BenchSchedule, ThroughputScheduleValidates) {
  const Schedule s = throughput_schedule(1, 1000, 100);
  EXPECT_TRUE(validate_schedule(s).is_ok()) << validate_schedule(s).message();
}

TEST(BenchSchedule, ScaleScheduleValidatesFromFiveToSixtyFourNodes) {
  for (uint32_t nodes : {5u, 16u, 64u}) {
    const Schedule s = scale_schedule(1, nodes, 1'000'000, 100'000);
    EXPECT_TRUE(validate_schedule(s).is_ok()) << nodes << ": " << validate_schedule(s).message();
    EXPECT_EQ(s.config.nodes, nodes);
    EXPECT_GE(s.config.partitions_q, nodes);
    EXPECT_EQ(s.workload.clients, kMaxClients);
    EXPECT_TRUE(s.events.empty());
  }
}

TEST(BenchSchedule, ScaleScheduleGivesEveryClientTimeForItsShare) {
  const Schedule s = scale_schedule(1, 8, 10'000, 1'000);
  // 8 ms per op per client: the safety phase fits every client's share.
  EXPECT_GE(s.workload.duration_ns, uint64_t{10'000} / s.workload.clients * 8 * kMillisecondNs);
}

}  // namespace
}  // namespace dt
