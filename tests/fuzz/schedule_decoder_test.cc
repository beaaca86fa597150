// The decoder is total: any bytes give a valid schedule, and the same bytes
// always give the same schedule.
#include "fuzz/schedule_decoder.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <vector>

namespace dt {
namespace {

void expect_valid(const Schedule& s) {
  RC_ASSERT(s.config.validate().is_ok());
  for (size_t i = 1; i < s.events.size(); ++i) RC_ASSERT(s.events[i - 1].at_ns <= s.events[i].at_ns);
  for (const ScheduleEvent& e : s.events) {
    RC_ASSERT(e.at_ns < s.workload.duration_ns);
    if (e.node != kNoNode) RC_ASSERT(e.node < s.config.nodes);
    if (e.kind == EventKind::link) RC_ASSERT(e.from != e.to);
  }
}

RC_GTEST_PROP(ScheduleDecoder, AnyBytesDecodeToAValidSchedule, (const std::vector<uint8_t>& bytes)) {
  const DecodedSchedule d = decode_schedule(bytes);
  expect_valid(d.schedule);
  RC_ASSERT(decode_schedule(bytes).schedule == d.schedule);
}

TEST(ScheduleDecoder, EmptyInputDecodes) {
  const DecodedSchedule d = decode_schedule({});
  EXPECT_TRUE(d.schedule.config.validate().is_ok());
  EXPECT_EQ(d.swarm.describe(), "no-faults faults=0");
}

TEST(ScheduleDecoder, DrawIsDeterministicAndSeedSensitive) {
  EXPECT_EQ(draw_schedule(7).schedule, draw_schedule(7).schedule);
  EXPECT_NE(draw_schedule(7).schedule, draw_schedule(8).schedule);
  EXPECT_EQ(draw_schedule(7).schedule.seed, 7u);
}

TEST(ScheduleDecoder, SwarmVariesAcrossSeeds) {
  int with_crash = 0, with_partition = 0, without_faults = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    const SwarmProfile s = draw_schedule(seed).swarm;
    with_crash += s.crash;
    with_partition += s.partition;
    without_faults += s.fault_events == 0;
  }
  EXPECT_GT(with_crash, 50);
  EXPECT_LT(with_crash, 150);
  EXPECT_GT(with_partition, 50);
  EXPECT_GT(without_faults, 0);
}

}  // namespace
}  // namespace dt
