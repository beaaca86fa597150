// report/fault_bands: schedule faults become the node lanes' bands.
#include "report/fault_bands.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

ScheduleEvent node_event(TimeNs at, EventKind kind, NodeId node) {
  ScheduleEvent e;
  e.at_ns = at;
  e.kind = kind;
  e.node = node;
  return e;
}

TEST(FaultBands, CrashRestartWipeAndPauseBecomeBands) {
  Schedule s;
  s.events = {node_event(10, EventKind::crash, 1), node_event(20, EventKind::pause, 2),
              node_event(30, EventKind::wipe, 1), node_event(40, EventKind::restart, 1),
              node_event(50, EventKind::restart, 1)};
  const FaultPicture p = fault_picture(s, 100);
  ASSERT_EQ(p.bands.size(), 3u);
  EXPECT_EQ(p.bands[0].kind, "down");
  EXPECT_EQ(p.bands[0].start_ns, 10u);
  EXPECT_EQ(p.bands[0].end_ns, 30u);  // the wipe takes over
  EXPECT_EQ(p.bands[1].kind, "paused");
  EXPECT_EQ(p.bands[1].end_ns, 100u);  // never resumed: ends at the final heal
  EXPECT_EQ(p.bands[2].kind, "wiped");
  EXPECT_EQ(p.bands[2].start_ns, 30u);
  EXPECT_EQ(p.bands[2].end_ns, 40u);
}

TEST(FaultBands, PartitionsAndLinksEndAtHealOrChange) {
  Schedule s;
  ScheduleEvent part;
  part.at_ns = 5;
  part.kind = EventKind::partition;
  part.groups = {{0, 1}, {2}};
  ScheduleEvent link;
  link.at_ns = 6;
  link.kind = EventKind::link;
  link.from = 0;
  link.to = 2;
  link.drop_ppm = 1000;
  ScheduleEvent heal;
  heal.at_ns = 9;
  heal.kind = EventKind::heal;
  s.events = {part, link, heal};
  const FaultPicture p = fault_picture(s, 20);
  ASSERT_EQ(p.partitions.size(), 1u);
  EXPECT_EQ(p.partitions[0].end_ns, 9u);
  ASSERT_EQ(p.links.size(), 1u);
  EXPECT_EQ(p.links[0].start_ns, 6u);
  EXPECT_EQ(p.links[0].end_ns, 9u);
  EXPECT_EQ(p.links[0].drop_ppm, 1000u);
}

}  // namespace
}  // namespace dt
