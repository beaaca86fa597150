// Campaigns: seeds per shard, results independent of the job count, stopping
// at and minimizing the first failure, and the files a failure leaves.
#include "fuzz/campaign.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/hash.h"
#include "core/schedule_validate.h"
#include "histories/schedule_json.h"
#include "model/model_node.h"
#include "sim/runner.h"
#include "tests/fuzz/planted_nodes.h"

namespace dt {
namespace {

namespace fs = std::filesystem;

std::string fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("dt-campaign-" + name);
  fs::remove_all(dir);
  return dir.string();
}

CampaignOptions model_options(uint64_t runs, uint32_t jobs) {
  CampaignOptions o;
  o.seed_start = 100;
  o.max_runs = runs;
  o.jobs = jobs;
  o.primary = &make_model_node;
  o.on_failure = OnFailure::keep_going;
  o.minimize_max_runs = 0;
  return o;
}

// A lockstep campaign whose shadow diverges whenever a crashed node restarts.
CampaignOptions divergent_options(uint32_t jobs, OnFailure on_failure, const std::string& out) {
  CampaignOptions o;
  o.seed_start = 1;
  o.max_runs = 200;
  o.jobs = jobs;
  o.primary = &make_model_node;
  o.shadow = &testing::make_restart_marking_node;
  o.on_failure = on_failure;
  o.out_dir = out;
  o.minimize_max_runs = 300;
  return o;
}

TEST(Campaign, SeedsInterleaveAcrossShards) {
  EXPECT_EQ(campaign_seed(10, 0, 1, 0), 10u);
  EXPECT_EQ(campaign_seed(10, 0, 1, 5), 15u);
  EXPECT_EQ(campaign_seed(10, 2, 4, 0), 12u);
  EXPECT_EQ(campaign_seed(10, 2, 4, 3), 24u);
  EXPECT_EQ(campaign_seed(UINT64_MAX, 0, 1, 1), 0u);  // wraps
}

TEST(Campaign, ScheduleCarriesSeedAndSortedInjects) {
  const DecodedSchedule d = campaign_schedule(9, {"zeta", "alpha", "zeta"});
  EXPECT_EQ(d.schedule.seed, 9u);
  EXPECT_EQ(d.schedule.inject, (std::vector<std::string>{"alpha", "zeta"}));
  EXPECT_TRUE(validate_schedule(d.schedule).is_ok());
  EXPECT_EQ(d.swarm, draw_schedule(9).swarm);
}

TEST(Campaign, ResultDoesNotDependOnJobs) {
  const CampaignResult one = run_campaign(model_options(16, 1));
  const CampaignResult three = run_campaign(model_options(16, 3));
  EXPECT_EQ(one.runs, 16u);
  EXPECT_EQ(one.stopped_by, "runs");
  EXPECT_EQ(three.runs, one.runs);
  EXPECT_EQ(three.coverage, one.coverage);
  EXPECT_EQ(three.failed_runs, one.failed_runs);
  EXPECT_EQ(three.promised_violations, one.promised_violations);
  EXPECT_EQ(three.runs_digest, one.runs_digest);
  ASSERT_EQ(three.failures.size(), one.failures.size());
  for (size_t i = 0; i < one.failures.size(); ++i) {
    EXPECT_EQ(three.failures[i].seed, one.failures[i].seed);
    EXPECT_EQ(three.failures[i].signature, one.failures[i].signature);
    EXPECT_EQ(three.failures[i].later_seeds, one.failures[i].later_seeds);
  }
}

// The campaign digest is the runs' own digests folded in seed order: the
// same fold done by hand over run_schedule gives it, and another order,
// another seed or one run fewer gives something else.
TEST(Campaign, DigestFoldsTheRunDigestsInSeedOrder) {
  const CampaignResult result = run_campaign(model_options(5, 2));
  std::vector<uint64_t> digests;
  for (uint64_t i = 0; i < 5; ++i) {
    RunOptions run_options;
    run_options.primary = &make_model_node;
    digests.push_back(run_schedule(campaign_schedule(100 + i, {}).schedule, run_options).digest);
  }
  const auto fold = [](const std::vector<uint64_t>& ds) {
    uint64_t h = 0;
    for (uint64_t d : ds) h = hash_combine(h, d);
    return h;
  };
  EXPECT_EQ(result.runs_digest, fold(digests));
  std::vector<uint64_t> swapped = digests;
  std::swap(swapped[0], swapped[1]);
  EXPECT_NE(result.runs_digest, fold(swapped));
  EXPECT_NE(result.runs_digest, run_campaign(model_options(4, 2)).runs_digest);
  CampaignOptions later = model_options(5, 2);
  later.seed_start = 101;
  EXPECT_NE(result.runs_digest, run_campaign(later).runs_digest);
}

TEST(Campaign, StopsAtTheFirstFailureAndMinimizesIt) {
  const std::string out1 = fresh_dir("first-1"), out2 = fresh_dir("first-2");
  const CampaignResult a = run_campaign(divergent_options(1, OnFailure::minimize_and_stop, out1));
  const CampaignResult b = run_campaign(divergent_options(2, OnFailure::minimize_and_stop, out2));
  ASSERT_EQ(a.failures.size(), 1u);
  const CampaignFailure& f = a.failures[0];
  EXPECT_EQ(a.stopped_by, "failure");
  EXPECT_EQ(a.runs, f.run_index + 1);
  EXPECT_EQ(a.exit_code(), 1);
  EXPECT_TRUE(f.signature.is_divergence());
  EXPECT_TRUE(f.swarm.crash || f.swarm.wipe);
  ASSERT_TRUE(f.minimized.has_value());
  EXPECT_LE(f.minimized->events_after, 2u);
  ASSERT_EQ(b.failures.size(), 1u);
  EXPECT_EQ(b.failures[0].seed, f.seed);
  EXPECT_EQ(b.runs, a.runs);
  EXPECT_EQ(b.coverage, a.coverage);
  for (const char* name :
       {"original.json", "minimized.json", "history.json", "trace.json", "report.txt"}) {
    EXPECT_TRUE(fs::exists(fs::path(f.dir) / name)) << name;
  }
  EXPECT_EQ(f.dir, (fs::path(out1) / ("failure-" + std::to_string(f.seed))).string());
  EXPECT_EQ(std::distance(fs::directory_iterator(out1), fs::directory_iterator{}), 1);
  const Result<Schedule> minimized =
      load_schedule_file((fs::path(f.dir) / "minimized.json").string());
  ASSERT_TRUE(minimized.is_ok()) << minimized.error();
  EXPECT_EQ(minimized.value().events.size(), f.minimized->events_after);
}

TEST(Campaign, StopWithoutMinimizingWritesOnlyTheOriginal) {
  const std::string out = fresh_dir("stop");
  const CampaignResult r = run_campaign(divergent_options(2, OnFailure::stop, out));
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_FALSE(r.failures[0].minimized.has_value());
  EXPECT_TRUE(fs::exists(fs::path(r.failures[0].dir) / "original.json"));
  EXPECT_FALSE(fs::exists(fs::path(r.failures[0].dir) / "minimized.json"));
}

TEST(Campaign, KeepGoingCountsEveryFailureUnderOneSignature) {
  CampaignOptions o = divergent_options(2, OnFailure::keep_going, "");
  o.max_runs = 30;
  o.minimize_max_runs = 0;
  const CampaignResult r = run_campaign(o);
  EXPECT_EQ(r.runs, 30u);
  // The model's own failures (if any) come under other signatures.
  const auto divergent =
      std::find_if(r.failures.begin(), r.failures.end(),
                   [](const CampaignFailure& f) { return f.signature.is_divergence(); });
  ASSERT_NE(divergent, r.failures.end());
  const CampaignFailure& first = *divergent;
  EXPECT_EQ(first.same_signature_runs, r.divergences);
  EXPECT_GT(r.divergences, 1u);
  EXPECT_EQ(first.later_seeds.size(), std::min<uint64_t>(r.divergences - 1, 5));
  EXPECT_TRUE(first.dir.empty());
}

TEST(Campaign, ShardsRunDisjointSeeds) {
  CampaignOptions o = divergent_options(1, OnFailure::stop, "");
  o.shard_index = 1;
  o.shard_count = 3;
  const CampaignResult r = run_campaign(o);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].seed % 3, (o.seed_start + 1) % 3);
  EXPECT_EQ(r.failures[0].seed, campaign_seed(1, 1, 3, r.failures[0].run_index));
}

TEST(Campaign, TimeBoundStopsTheCampaign) {
  CampaignOptions o = model_options(1'000'000, 2);
  o.max_runs.reset();
  o.max_seconds = 0.3;
  o.on_failure = OnFailure::keep_going;
  const CampaignResult r = run_campaign(o);
  EXPECT_EQ(r.stopped_by, "seconds");
  EXPECT_GT(r.runs, 0u);
  // The last progress sample is taken when every worker has stopped.
  ASSERT_FALSE(r.progress.empty());
  EXPECT_GE(r.progress.back().runs, r.runs);
  EXPECT_GE(r.progress.back().elapsed_seconds, 0.3);
  for (size_t i = 1; i < r.progress.size(); ++i) {
    EXPECT_GE(r.progress[i].runs, r.progress[i - 1].runs);
    EXPECT_GT(r.progress[i].elapsed_seconds, r.progress[i - 1].elapsed_seconds);
  }
}

}  // namespace
}  // namespace dt
