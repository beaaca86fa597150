// A deliberately altered impl (the test-only bug "test-divergence": a read
// repair omits its read_repair mark) must be caught by lockstep at the event
// that made the difference, with a readable description of it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "fuzz/schedule_decoder.h"
#include "impl/impl_node.h"
#include "model/model_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

RunOptions lockstep_options() {
  RunOptions options;
  options.primary = &make_model_node;
  options.shadow = &make_impl_node;
  options.record_trace = false;
  return options;
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
    return line.find(text) != std::string::npos;
  });
}

TEST(DivergenceTest, AlteredImplIsCaughtAtTheReadRepair) {
  uint64_t caught = 0;
  for (uint64_t seed = 0; seed < 400 && caught < 3; ++seed) {
    Schedule schedule = draw_schedule(seed).schedule;
    const RunResult clean = run_schedule(schedule, lockstep_options());
    ASSERT_FALSE(clean.divergence.has_value()) << "seed " << seed << " diverges without a bug";
    schedule.inject = {"test-divergence"};
    const RunResult altered = run_schedule(schedule, lockstep_options());
    if (!altered.divergence) continue;  // this run had no read repair
    ++caught;
    const Divergence& d = *altered.divergence;
    if (caught == 1) {  // show once what a reader of a failing run gets
      std::printf("seed %llu diverged at event %llu: %s\n",
                  static_cast<unsigned long long>(seed),
                  static_cast<unsigned long long>(d.event_index), d.event.c_str());
      for (const std::string& line : d.differences) std::printf("  %s\n", line.c_str());
    }
    // The repair is sent while handling the FetchReply that completed a get.
    EXPECT_NE(d.event.find("FetchReply"), std::string::npos) << d.event;
    EXPECT_TRUE(mentions(d.differences, "read_repair")) << "seed " << seed;
    EXPECT_FALSE(mentions(d.differences, "sends[")) << "only the mark differs";
    EXPECT_LT(d.event_index, altered.stats.events + 1);
    EXPECT_LT(altered.stats.events, clean.stats.events) << "the run stops at the divergence";
  }
  EXPECT_EQ(caught, 3u) << "too few random schedules exercised a read repair";
}

TEST(DivergenceTest, UnknownBugNamesChangeNothing) {
  Schedule schedule = draw_schedule(7).schedule;
  schedule.inject = {"no-such-bug"};
  const RunResult result = run_schedule(schedule, lockstep_options());
  EXPECT_FALSE(result.divergence.has_value());
}

}  // namespace
}  // namespace dt
