#include "sim/schedule_check.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "core/schedule_validate.h"
#include "sim_test_util.h"

namespace dt {
namespace {

Schedule base() {
  Schedule s;
  s.config.nodes = 5;
  s.workload.duration_ns = 1000;
  return s;
}

std::string rejection(const Schedule& s) {
  const Status status = check_runnable(s);
  return status ? std::string("accepted") : status.message();
}

ScheduleEvent at(TimeNs t, EventKind kind) {
  ScheduleEvent e;
  e.at_ns = t;
  e.kind = kind;
  return e;
}

TEST(ScheduleCheck, AcceptsAPlainSchedule) {
  Schedule s = base();
  ScheduleEvent crash = at(10, EventKind::crash);
  crash.node = 4;
  ScheduleEvent put = at(20, EventKind::put);
  put.process = 7;
  put.coordinator = 0;
  s.events = {crash, put};
  EXPECT_EQ(rejection(s), "accepted");
}

TEST(ScheduleCheck, RejectsAnUnknownNode) {
  Schedule s = base();
  s.events.push_back(at(10, EventKind::crash));
  s.events[0].node = 5;
  EXPECT_EQ(rejection(s), "schedule.events[0].node: 5 is not a node (config.nodes = 5)");
}

TEST(ScheduleCheck, RejectsUnsortedEvents) {
  Schedule s = base();
  s.events = {at(10, EventKind::heal), at(9, EventKind::heal)};
  EXPECT_EQ(rejection(s), "schedule.events[1].at_ns: 9 is before the previous event (10)");
}

TEST(ScheduleCheck, RejectsEventsAfterTheSafetyPhase) {
  Schedule s = base();
  s.events = {at(1000, EventKind::heal)};
  EXPECT_EQ(rejection(s), "accepted");  // runs just before the final heal
  s.events = {at(1001, EventKind::heal)};
  EXPECT_EQ(rejection(s), "schedule.events[0].at_ns: 1001 is after workload.duration_ns (1000)");
}

TEST(ScheduleCheck, RejectsANodeInTwoGroups) {
  Schedule s = base();
  s.events = {at(1, EventKind::partition)};
  s.events[0].groups = {{0, 1}, {1, 2}};
  EXPECT_EQ(rejection(s), "schedule.events[0].groups: node 1 twice");
  s.events[0].groups = {{0, 1}, {}};
  EXPECT_EQ(rejection(s), "schedule.events[0].groups: a group is empty");
}

TEST(ScheduleCheck, RejectsBadLinkFaults) {
  Schedule s = base();
  ScheduleEvent link = at(1, EventKind::link);
  link.from = 0;
  link.to = 1;
  link.drop_ppm = 1'000'001;
  s.events = {link};
  EXPECT_EQ(rejection(s), "schedule.events[0].drop_ppm: 1000001 is above 1000000");
  s.events[0].drop_ppm = 0;
  s.events[0].delay_min_ns = 9;
  s.events[0].delay_max_ns = 8;
  EXPECT_EQ(rejection(s), "schedule.events[0].delay_min_ns: 9 is more than delay_max_ns (8)");
  s.events[0].delay_min_ns = 0;
  s.events[0].to = 9;
  EXPECT_EQ(rejection(s), "schedule.events[0].to: 9 is not a node (config.nodes = 5)");
}

TEST(ScheduleCheck, RejectsABadCoordinatorAndWorkload) {
  Schedule s = base();
  s.events = {at(1, EventKind::get)};
  s.events[0].coordinator = 6;
  EXPECT_EQ(rejection(s), "schedule.events[0].coordinator: 6 is not a node (config.nodes = 5)");
  s = base();
  s.workload.think_min_ns = 5;
  s.workload.think_max_ns = 4;
  EXPECT_EQ(rejection(s), "workload.think_min_ns: 5 is more than think_max_ns (4)");
  s = base();
  s.config.read_quorum_r = 4;
  EXPECT_EQ(rejection(s), "config.read_quorum_r: 4 is more than replicas_n (3)");
}

TEST(ScheduleCheck, RejectsTimesThatCouldOverflow) {
  Schedule s = base();
  s.workload.client_timeout_ns = uint64_t{1} << 61;
  EXPECT_EQ(rejection(s), "workload.client_timeout_ns: 2305843009213693952 is above "
                          "1152921504606846976");
  s = base();
  s.events = {at(1, EventKind::clock_skew)};
  s.events[0].node = 0;
  s.events[0].skew_ns = INT64_MIN;
  EXPECT_EQ(rejection(s), "schedule.events[0].skew_ns: -9223372036854775808 is beyond "
                          "+-1152921504606846976");
}

TEST(ScheduleCheck, AcceptsWhatTheCoreValidatorAccepts) {
  // Schedules that core/schedule_validate.h allows must run: a scripted
  // process with a huge id, an event at the very end of the safety phase.
  Schedule s = base();
  ScheduleEvent put = at(1000, EventKind::put);
  put.process = UINT32_MAX - 1;
  s.events = {put};
  EXPECT_EQ(rejection(s), "accepted");
}

// Schedules near the edges of what core/schedule_validate.h allows.
Schedule edgy_schedule() {
  Schedule s = base();
  s.workload.clients = *rc::gen::inRange<uint32_t>(1, 4);
  s.workload.keys = *rc::gen::inRange<uint32_t>(1, 4);
  s.workload.duration_ns = *rc::gen::inRange<TimeNs>(1, 5000);
  s.workload.client_timeout_ns = s.config.request_deadline_ns + *rc::gen::inRange<TimeNs>(0, 3);
  const auto count = *rc::gen::inRange<size_t>(0, 6);
  for (size_t i = 0; i < count; ++i) {
    ScheduleEvent e = at(*rc::gen::inRange<TimeNs>(0, s.workload.duration_ns + 2),
                         static_cast<EventKind>(*rc::gen::inRange(0, 13)));
    e.node = e.from = *rc::gen::inRange<NodeId>(0, 6);
    e.to = *rc::gen::inRange<NodeId>(0, 6);
    e.process = *rc::gen::element<ProcessId>(0, 1, 5, UINT32_MAX - 1, UINT32_MAX);
    e.key = *rc::gen::inRange<Key>(0, 4);
    e.skew_ns = *rc::gen::element<int64_t>(0, -3600 * int64_t{kSecondNs}, 3600 * kSecondNs);
    e.delay_max_ns = *rc::gen::inRange<TimeNs>(0, 3);
    if (e.kind == EventKind::partition) e.groups = {{e.node}, {e.to}};
    s.events.push_back(e);
  }
  auto earlier = [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at_ns < b.at_ns; };
  std::stable_sort(s.events.begin(), s.events.end(), earlier);
  return s;
}

RC_GTEST_PROP(ScheduleCheck, NeverStricterThanTheCoreValidator, ()) {
  const Schedule s = edgy_schedule();
  const bool core_ok = validate_schedule(s).is_ok();
  RC_TAG(core_ok ? "core accepts" : "core rejects");
  if (!core_ok) return;
  RC_ASSERT(check_runnable(s).is_ok());
  const RunResult r = run_schedule(s, testing::echo_options());  // and it runs
  RC_ASSERT(testing::jepsen_problem(r.history) == "");
}

TEST(ScheduleCheck, DescribesEvents) {
  ScheduleEvent e = at(1, EventKind::partition);
  e.groups = {{0, 1}, {2}};
  EXPECT_EQ(describe(e), "partition 0,1|2");
  ScheduleEvent put = at(1, EventKind::put);
  put.key = 2;
  put.value = 7;
  put.process = 1;
  put.coordinator = 0;
  EXPECT_EQ(describe(put), "put key 2 value 7 by process 1 via node 0");
}

}  // namespace
}  // namespace dt
