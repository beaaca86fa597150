// The PBS closed form on values worked by hand.
#include "experiments/pbs_closed_form.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(PbsClosedForm, BinomialsAreExact) {
  EXPECT_EQ(binomial(5, 2), 10.0L);
  EXPECT_EQ(binomial(3, 4), 0.0L);
  EXPECT_EQ(binomial(7, 0), 1.0L);
  EXPECT_EQ(binomial(60, 30), 118264581564861424.0L);
}

TEST(PbsClosedForm, StaleProbabilityByHand) {
  EXPECT_DOUBLE_EQ(pbs_stale_probability(3, 1, 1), 2.0 / 3.0);  // C(2,1) / C(3,1)
  EXPECT_DOUBLE_EQ(pbs_stale_probability(3, 2, 1), 1.0 / 3.0);  // C(2,2) / C(3,2)
  EXPECT_DOUBLE_EQ(pbs_stale_probability(3, 1, 2), 1.0 / 3.0);  // C(1,1) / C(3,1)
  EXPECT_DOUBLE_EQ(pbs_stale_probability(5, 2, 2), 0.3);        // C(3,2) / C(5,2)
  // R + W > N: the quorums always meet.
  EXPECT_EQ(pbs_stale_probability(3, 2, 2), 0.0);
  EXPECT_EQ(pbs_stale_probability(5, 1, 5), 0.0);
}

}  // namespace
}  // namespace dt
