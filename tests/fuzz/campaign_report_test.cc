// The campaign report states the same facts as text and as JSON.
#include "fuzz/campaign_report.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

CampaignResult one_failure() {
  CampaignResult r;
  r.runs = 40;
  r.run_seconds = 2.0;
  r.minimize_seconds = 1.5;
  r.stopped_by = "failure";
  r.failed_runs = 1;
  r.promised_violations = 2;
  r.coverage[static_cast<size_t>(CoverageMark::hint_stored)] = 5;
  CampaignFailure f;
  f.seed = 17;
  f.run_index = 16;
  f.swarm.crash = true;
  f.swarm.fault_events = 4;
  f.signature = {"durability", "lost_write"};
  f.promised_violations = 2;
  f.dir = "out/failure-17";
  f.minimized = MinimizeStats{12, 3, 40, 5, 80, false};
  r.failures.push_back(f);
  r.progress = {{1.0, 25, 0}, {2.0, 40, 1}};
  return r;
}

TEST(CampaignReport, TextNamesTheFailureAndTheCoverage) {
  CampaignOptions o;
  o.seed_start = 2;
  const std::string text = format_campaign_report(o, one_failure());
  EXPECT_NE(text.find("runs:        40 in 2.0 s (20.0 runs/s), stopped by failure"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("seed 17 (run 16), swarm crash faults=4: durability/lost_write"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("minimized: 12 -> 3 events, 40 -> 5 ops in 80 runs"), std::string::npos);
  EXPECT_NE(text.find("dynamo-testbed replay out/failure-17/minimized.json"), std::string::npos);
  EXPECT_NE(text.find("coverage:    1/12 marks reached"), std::string::npos);
  EXPECT_NE(text.find("hint_handed_off"), std::string::npos);
  EXPECT_NE(text.find("NOT REACHED"), std::string::npos);
  EXPECT_NE(text.find("exit code:   1"), std::string::npos);
}

TEST(CampaignReport, JsonHasTheSameFacts) {
  CampaignOptions o;
  const nlohmann::json j = campaign_report_json(o, one_failure());
  EXPECT_EQ(j["runs"], 40);
  EXPECT_EQ(j["runs_per_second"], 20.0);
  EXPECT_EQ(j["stopped_by"], "failure");
  EXPECT_EQ(j["exit_code"], 1);
  ASSERT_EQ(j["failures"].size(), 1u);
  EXPECT_EQ(j["failures"][0]["signature"], "durability/lost_write");
  EXPECT_EQ(j["failures"][0]["swarm"], "crash faults=4");
  EXPECT_EQ(j["failures"][0]["minimized"]["events_after"], 3);
  EXPECT_EQ(j["coverage"]["hint_stored"], 5);
  EXPECT_EQ(j["marks_reached"], 1);
  EXPECT_EQ(j["marks_total"], 12);
  ASSERT_EQ(j["progress"].size(), 2u);
  EXPECT_EQ(j["progress"][1], nlohmann::json::parse("[2.0, 40, 1]"));
}

TEST(CampaignReport, NoFailuresMeansExitZero) {
  CampaignResult r;
  r.stopped_by = "runs";
  EXPECT_EQ(r.exit_code(), 0);
  EXPECT_NE(format_campaign_report(CampaignOptions{}, r).find("failures:    none"),
            std::string::npos);
  EXPECT_TRUE(campaign_report_json(CampaignOptions{}, r)["failures"].empty());
}

TEST(CampaignReport, ProgressLine) {
  CampaignProgress p;
  p.runs = 100;
  p.elapsed_seconds = 4;
  p.marks_reached = 11;
  EXPECT_EQ(format_progress(p), "runs 100 (25.0/s) failed 0 violations 0 marks 11/12 4 s");
  EXPECT_EQ(format_found_failure({3, SwarmProfile{}, {"divergence", "divergence"}}),
            "FAILURE seed 3 [no-faults faults=0]: divergence");
}

}  // namespace
}  // namespace dt
