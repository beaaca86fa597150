// A short campaign over fixed seeds reaches every coverage mark: the decoder's
// distributions make each rare protocol path likely enough.
#include <gtest/gtest.h>

#include "core/coverage.h"
#include "fuzz/campaign.h"
#include "model/model_node.h"

namespace dt {
namespace {

TEST(CampaignCoverage, TwoHundredSeedsReachEveryMark) {
  CampaignOptions o;
  o.seed_start = 1;
  o.max_runs = 200;
  o.jobs = 2;
  o.primary = &make_model_node;
  o.on_failure = OnFailure::keep_going;
  o.minimize_max_runs = 0;
  const CampaignResult r = run_campaign(o);
  ASSERT_EQ(r.runs, 200u);
  for (size_t m = 0; m < kCoverageMarkCount; ++m) {
    EXPECT_GT(r.coverage[m], 0u) << to_string(static_cast<CoverageMark>(m)) << " never reached";
  }
  EXPECT_EQ(r.marks_reached(), kCoverageMarkCount);
}

}  // namespace
}  // namespace dt
