// The impl's failure detector view: the suspected digest it keeps for
// lockstep must follow every change of the suspected set.
#include "impl/peer_view.h"

#include <gtest/gtest.h>

#include "core/state_digest.h"
#include "impl/placement.h"

namespace dt {
namespace {

TEST(PeerView, TheKeptSuspectedDigestFollowsEveryChange) {
  Config config;  // 5 nodes
  const Placement placement(0, config);
  PeerView view(0, config, placement);
  const auto expect_current = [&](const char* after) {
    EXPECT_EQ(view.suspected_digest(), ids_digest(view.suspected())) << after;
  };
  expect_current("construction");
  Effects out;
  view.probe_round(out);
  view.on_probe_timeout(2, out);
  expect_current("a probe timeout");
  ASSERT_TRUE(view.is_suspected(2));
  view.suspect(4, out);
  expect_current("suspect");
  const uint64_t two_suspected = view.suspected_digest();
  view.observe(2, out);
  expect_current("a message from a suspected peer");
  EXPECT_NE(view.suspected_digest(), two_suspected);
  view.reset();
  expect_current("reset");
  const PeerView copy = view;  // explore clones nodes
  EXPECT_EQ(copy.suspected_digest(), ids_digest(copy.suspected()));
}

}  // namespace
}  // namespace dt
