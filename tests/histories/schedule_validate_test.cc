// validate_schedule (core/schedule_validate.h) names the field and the reason.
#include "core/schedule_validate.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

ScheduleEvent event(TimeNs at_ns, EventKind kind) {
  ScheduleEvent e;
  e.at_ns = at_ns;
  e.kind = kind;
  return e;
}

std::string validation_error_of(const Schedule& s) {
  const Status status = validate_schedule(s);
  return status.is_ok() ? "ok" : status.message();
}

TEST(ScheduleValidate, DefaultIsValid) {
  EXPECT_EQ(validation_error_of(Schedule{}), "ok");
}

TEST(ScheduleValidate, RejectsBadConfig) {
  Schedule s;
  s.config.read_quorum_r = 4;
  EXPECT_EQ(validation_error_of(s), "config.read_quorum_r: 4 is more than replicas_n (3)");
}

TEST(ScheduleValidate, RejectsWorkloadRanges) {
  Schedule s;
  s.workload.clients = 0;
  EXPECT_EQ(validation_error_of(s), "workload.clients: 0 is out of range (1..64)");
  s = Schedule{};
  s.workload.keys = 1'000'001;
  EXPECT_EQ(validation_error_of(s), "workload.keys: 1000001 is out of range (1..1000000)");
  s = Schedule{};
  s.workload.put_weight = s.workload.get_weight = s.workload.delete_weight = 0;
  s.workload.add_weight = 0;
  EXPECT_EQ(validation_error_of(s), "workload.put_weight: all op weights are 0 but ops is 60");
  s.workload.ops = 0;
  EXPECT_EQ(validation_error_of(s), "ok");
  s = Schedule{};
  s.workload.think_min_ns = s.workload.think_max_ns + 1;
  EXPECT_EQ(validation_error_of(s),
            "workload.think_min_ns: 20000001 is more than think_max_ns (20000000)");
  s = Schedule{};
  s.workload.client_timeout_ns = s.config.request_deadline_ns;
  EXPECT_EQ(validation_error_of(s),
            "workload.client_timeout_ns: 200000000 must be more than "
            "config.request_deadline_ns (200000000) and at most 3600000000000");
  s = Schedule{};
  s.workload.duration_ns = 0;
  EXPECT_EQ(validation_error_of(s), "workload.duration_ns: 0 is out of range (1..3600000000000)");
}

TEST(ScheduleValidate, RejectsNodeOutOfRange) {
  Schedule s;
  s.events = {event(0, EventKind::crash), event(5, EventKind::restart)};
  s.events[0].node = 1;
  s.events[1].node = 7;
  EXPECT_EQ(validation_error_of(s), "events[1].node: 7 is not a node (nodes are 0..4)");
  s.events[1].node = kNoNode;
  EXPECT_EQ(validation_error_of(s), "events[1].node: none is not a node (nodes are 0..4)");
}

TEST(ScheduleValidate, RejectsUnsortedAndLateEvents) {
  Schedule s;
  s.events = {event(10, EventKind::heal), event(5, EventKind::heal)};
  EXPECT_EQ(validation_error_of(s), "events[1].at_ns: 5 is before the previous event's (10)");
  s.events = {event(s.workload.duration_ns + 1, EventKind::heal)};
  EXPECT_EQ(validation_error_of(s),
            "events[0].at_ns: 3000000001 is after workload.duration_ns (3000000000)");
}

TEST(ScheduleValidate, RejectsBadPartitions) {
  Schedule s;
  s.events = {event(0, EventKind::partition)};
  s.events[0].groups = {{0, 1, 2}};
  EXPECT_EQ(validation_error_of(s), "events[0].groups: a partition needs at least 2 groups, got 1");
  s.events[0].groups = {{0, 1}, {1, 2}};
  EXPECT_EQ(validation_error_of(s), "events[0].groups[1][0]: node 1 is in more than one group");
  s.events[0].groups = {{0, 1}, {}};
  EXPECT_EQ(validation_error_of(s), "events[0].groups[1]: empty group");
  s.events[0].groups = {{0, 1}, {9}};
  EXPECT_EQ(validation_error_of(s), "events[0].groups[1][0]: 9 is not a node (nodes are 0..4)");
  s.events[0].groups = {{0, 1}, {2, 3, 4}};
  EXPECT_EQ(validation_error_of(s), "ok");
}

TEST(ScheduleValidate, RejectsBadLinks) {
  Schedule s;
  s.events = {event(0, EventKind::link)};
  s.events[0].from = 1;
  s.events[0].to = 1;
  EXPECT_EQ(validation_error_of(s), "events[0].to: 1 is the same node as from");
  s.events[0].to = 2;
  s.events[0].drop_ppm = 1'000'001;
  EXPECT_EQ(validation_error_of(s), "events[0].drop_ppm: 1000001 is out of range (0..1000000)");
  s.events[0].drop_ppm = 0;
  s.events[0].delay_min_ns = 10;
  s.events[0].delay_max_ns = 5;
  EXPECT_EQ(validation_error_of(s), "events[0].delay_min_ns: 10 is more than delay_max_ns (5)");
}

TEST(ScheduleValidate, RejectsBadSkewAndClientOps) {
  Schedule s;
  s.events = {event(0, EventKind::clock_skew)};
  s.events[0].node = 0;
  s.events[0].skew_ns = -kMaxClockSkewNs - 1;
  EXPECT_EQ(validation_error_of(s),
            "events[0].skew_ns: -3600000000001 is out of range (-3600000000000..3600000000000)");
  s.events = {event(0, EventKind::get)};
  s.events[0].key = 4;
  EXPECT_EQ(validation_error_of(s), "events[0].key: 4 is not a key (keys are 0..3)");
  s.events[0].key = 3;
  s.events[0].value = 5;
  EXPECT_EQ(validation_error_of(s), "events[0].value: a get carries no value");
  s.events[0].value.reset();
  s.events[0].coordinator = 5;
  EXPECT_EQ(validation_error_of(s), "events[0].coordinator: 5 is not a node (nodes are 0..4)");
}

TEST(ScheduleValidate, RejectsBadInjectNames) {
  Schedule s;
  s.inject = {"b", "a"};
  EXPECT_EQ(validation_error_of(s),
            "inject[1]: \"a\" is not after the previous name (names are sorted and unique)");
  s.inject = {"Bad Name"};
  EXPECT_EQ(validation_error_of(s), "inject[0]: \"Bad Name\" is not a bug name ([a-z0-9_-]+)");
  s.inject = {"lost-hint", "stale_read2"};
  EXPECT_EQ(validation_error_of(s), "ok");
}

}  // namespace
}  // namespace dt
