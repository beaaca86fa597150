// Refinement: model (primary) and impl (shadow) run in lockstep on many
// random schedules and must never diverge. The bulk schedules are capped in
// size (ops, duration) so 10,000 of them fit in CI time; the seeds are
// sharded over several test cases so `ctest -j2` runs them in parallel.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "fuzz/schedule_decoder.h"
#include "impl/impl_node.h"
#include "model/model_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

constexpr uint64_t kBulkSeeds = 10'000;
constexpr uint64_t kShards = 8;
constexpr uint64_t kFullSizeSeeds = 200;  // uncapped schedules, on top of the bulk

// Keeps a drawn schedule's shape (config, swarm faults) but bounds its cost.
Schedule capped(Schedule schedule) {
  schedule.workload.ops = std::min<uint32_t>(schedule.workload.ops, 15);
  schedule.workload.duration_ns = std::min<TimeNs>(schedule.workload.duration_ns, kSecondNs);
  std::erase_if(schedule.events, [&](const ScheduleEvent& e) {
    return e.at_ns > schedule.workload.duration_ns;
  });
  schedule.config.quiescence_rounds = std::min<uint32_t>(schedule.config.quiescence_rounds, 4);
  return schedule;
}

std::string divergence_text(uint64_t seed, const Divergence& d) {
  std::string text = "seed " + std::to_string(seed) + " diverged at event " +
                     std::to_string(d.event_index) + " (" + d.event + ")";
  for (const std::string& line : d.differences) text += "\n  " + line;
  return text;
}

void check_seeds(uint64_t begin, uint64_t end, bool cap) {
  RunOptions options;
  options.primary = &make_model_node;
  options.shadow = &make_impl_node;
  options.record_trace = false;  // effects are still compared record by record
  for (uint64_t seed = begin; seed < end; ++seed) {
    Schedule schedule = draw_schedule(seed).schedule;
    if (cap) schedule = capped(std::move(schedule));
    const RunResult result = run_schedule(schedule, options);
    ASSERT_FALSE(result.divergence.has_value()) << divergence_text(seed, *result.divergence);
  }
}

class RefinementShard : public ::testing::TestWithParam<uint64_t> {};

TEST_P(RefinementShard, ImplRefinesModelOnCappedRandomSchedules) {
  const uint64_t per_shard = kBulkSeeds / kShards;
  check_seeds(GetParam() * per_shard, (GetParam() + 1) * per_shard, true);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RefinementShard, ::testing::Range<uint64_t>(0, kShards));

TEST(Refinement, ImplRefinesModelOnFullSizeRandomSchedules) {
  check_seeds(kBulkSeeds, kBulkSeeds + kFullSizeSeeds, false);
}

}  // namespace
}  // namespace dt
