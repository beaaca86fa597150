// Node faults as the simulator applies them: crash, restart, wipe, pause,
// resume, clock skew; and the network fault records.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>

#include "sim_test_util.h"

namespace dt {
namespace {

using testing::calls_of;
using testing::fixed_delay_link;
using testing::node_event;
using testing::quiet_schedule;
using testing::run_logged;
using Strings = std::vector<std::string>;

using testing::kMs;

// Sequence numbers of the probes node 1 received from node 0 up to `until_ns`.
std::vector<int> probes_from_0(const std::vector<EchoCall>& log, TimeNs until_ns) {
  std::vector<int> out;
  for (const EchoCall& c : log) {
    if (c.node != 1 || static_cast<TimeNs>(c.local_clock_ns) > until_ns) continue;
    if (c.what.rfind("message Probe ", 0) != 0 || c.what.find("from 0") == std::string::npos) {
      continue;
    }
    out.push_back(std::stoi(c.what.substr(14)));
  }
  return out;
}

TEST(SimulatorFaults, CrashDropsPendingTimersAndRestartRearms) {
  Schedule s = quiet_schedule();
  s.events = {node_event(250 * kMs, EventKind::crash, 1),
              node_event(650 * kMs, EventKind::restart, 1)};
  std::vector<EchoCall> log;
  run_logged(s, log);
  Strings timers;
  for (const std::string& c : calls_of(log, 1, 999 * kMs)) {
    if (c.rfind("timer", 0) == 0 || c.rfind("start", 0) == 0 || c == "crash@0") {
      timers.push_back(c);
    }
  }
  // The chain armed before the crash (due at 300, 400, ...) never fires.
  EXPECT_EQ(timers, (Strings{"start@0", "timer probe 0@100", "timer probe 1@200", "crash@0",
                             "start@650", "timer probe 0@750", "timer probe 1@850",
                             "timer probe 2@950"}));
}

TEST(SimulatorFaults, MessagesInFlightToACrashedNodeAreLost) {
  Schedule s = quiet_schedule();
  // Probes 0 -> 1 take exactly 100 ms: sent at 0, 100, 200 ms; arrive 100, 200, 300.
  s.events = {fixed_delay_link(0, 0, 1, 100 * kMs),
              node_event(150 * kMs, EventKind::crash, 1),
              node_event(160 * kMs, EventKind::restart, 1)};
  std::vector<EchoCall> log;
  const RunResult result = run_logged(s, log);
  // Probe 1 went out at boot (base delay). Probe 2 (sent at 100 ms, before
  // the crash) is lost although node 1 is up again when it arrives at 200 ms.
  EXPECT_EQ(probes_from_0(log, 350 * kMs), (std::vector<int>{1, 3}));
  EXPECT_GE(result.stats.messages_dropped, 1u);
}

TEST(SimulatorFaults, MessagesArrivingWhileDownAreLost) {
  Schedule s = quiet_schedule();
  s.events = {fixed_delay_link(0, 0, 1, 100 * kMs),
              node_event(150 * kMs, EventKind::crash, 1),
              node_event(250 * kMs, EventKind::restart, 1)};
  std::vector<EchoCall> log;
  run_logged(s, log);
  EXPECT_EQ(probes_from_0(log, 350 * kMs), (std::vector<int>{1, 3}));
}

TEST(SimulatorFaults, PauseDefersEventsInOrderUntilResume) {
  Schedule s = quiet_schedule();
  s.events = {fixed_delay_link(0, 0, 1, 100 * kMs),
              node_event(150 * kMs, EventKind::pause, 1),
              node_event(450 * kMs, EventKind::resume, 1)};
  std::vector<EchoCall> log;
  run_logged(s, log);
  const Strings calls = calls_of(log, 1, 500 * kMs);
  Strings at_resume;
  for (const std::string& c : calls) {
    if (c.size() > 4 && c.substr(c.size() - 4) == "@450") at_resume.push_back(c);
  }
  // Three probes (arriving 200, 300, 400 ms) and the one timer due at 200 ms,
  // all handed over at 450 ms in arrival order; nothing in between.
  EXPECT_EQ(at_resume, (Strings{"message Probe 2 from 0@450", "timer probe 1@450",
                                "message Probe 3 from 0@450", "message Probe 4 from 0@450"}));
  for (const std::string& c : calls) {
    const auto ms = std::stoll(c.substr(c.rfind('@') + 1));
    EXPECT_FALSE(ms > 150 && ms < 450) << c;
  }
}

TEST(SimulatorFaults, PauseDefersClientRequests) {
  Schedule s = quiet_schedule();
  s.events = {node_event(5 * kMs, EventKind::pause, 0),
              testing::client_op(10 * kMs, EventKind::put, 0, 1, 0),
              node_event(300 * kMs, EventKind::resume, 0)};
  std::vector<EchoCall> log;
  const RunResult result = run_logged(s, log);
  const Strings calls = calls_of(log, 0, 400 * kMs);
  EXPECT_NE(std::find(calls.begin(), calls.end(), "request put key 1@300"), calls.end());
  ASSERT_EQ(result.history.size(), 2u);
  EXPECT_EQ(result.history[1].type, OpType::ok);
  EXPECT_GT(result.history[1].time_ns, 300 * kMs);
}

TEST(SimulatorFaults, DuplicatingLinkDeliversEveryMessageTwice) {
  Schedule s = quiet_schedule();
  ScheduleEvent twice = fixed_delay_link(0, 0, 1, 0);
  twice.duplicate_ppm = 1'000'000;  // delay 0..0 keeps the base range
  s.events = {twice};
  std::vector<EchoCall> log;
  const RunResult result = run_logged(s, log);
  EXPECT_EQ(probes_from_0(log, 350 * kMs), (std::vector<int>{1, 2, 2, 3, 3, 4, 4}));
  EXPECT_GT(result.stats.messages_delivered, result.stats.messages_sent);
}

TEST(SimulatorFaults, WipeBumpsTheIncarnation) {
  Schedule s = quiet_schedule();
  s.events = {node_event(100 * kMs, EventKind::wipe, 2),
              node_event(300 * kMs, EventKind::restart, 2),
              node_event(400 * kMs, EventKind::wipe, 2)};
  std::vector<EchoCall> log;
  const RunResult result = run_logged(s, log);
  std::vector<uint32_t> start_incarnations;
  for (const EchoCall& c : log) {
    if (c.node == 2 && c.what == "start") start_incarnations.push_back(c.incarnation);
  }
  // Boot, restart after the first wipe, final-heal restart after the second.
  EXPECT_EQ(start_incarnations, (std::vector<uint32_t>{0, 1, 2}));
  std::vector<std::string> kinds;
  for (const TraceRecord& r : result.trace.records) {
    if (r.node == 2) kinds.push_back(std::string(to_string(r.kind)) + "@" +
                                     std::to_string(r.time_ns / kMs));
  }
  EXPECT_EQ(kinds, (Strings{"wiped@100", "restarted@300", "wiped@400", "restarted@1000"}));
}

TEST(SimulatorFaults, ClockSkewShowsInTheLocalClock) {
  Schedule s = quiet_schedule();
  ScheduleEvent ahead = node_event(50 * kMs, EventKind::clock_skew, 0);
  ahead.skew_ns = 5 * kMs;
  ScheduleEvent behind = node_event(50 * kMs, EventKind::clock_skew, 2);
  behind.skew_ns = -7 * static_cast<int64_t>(kMs);
  s.events = {ahead, behind};
  std::vector<EchoCall> log;
  const RunResult result = run_logged(s, log);
  for (const EchoCall& c : log) {
    if (c.what != "timer probe 0") continue;
    const int64_t expected = c.node == 0 ? 105 * kMs : c.node == 2 ? 93 * kMs : 100 * kMs;
    EXPECT_EQ(c.local_clock_ns, expected) << "node " << c.node;
  }
  ASSERT_GE(result.trace.records.size(), 2u);
  EXPECT_EQ(result.trace.records[0].kind, TraceKind::clock_skewed);
  EXPECT_EQ(result.trace.records[0].detail, "5000000");
  EXPECT_EQ(result.trace.records[1].detail, "-7000000");
}

TEST(SimulatorFaults, FaultsLeaveTraceRecords) {
  Schedule s = quiet_schedule();
  ScheduleEvent partition = node_event(10 * kMs, EventKind::partition, kNoNode);
  partition.groups = {{0, 2}};
  ScheduleEvent link = node_event(20 * kMs, EventKind::link, kNoNode);
  link.from = 1;
  link.to = 2;
  link.drop_ppm = 500;
  link.duplicate_ppm = 7;
  s.events = {partition, link, node_event(30 * kMs, EventKind::heal, kNoNode),
              node_event(40 * kMs, EventKind::pause, 1),
              node_event(50 * kMs, EventKind::resume, 1),
              node_event(60 * kMs, EventKind::crash, 0),
              node_event(70 * kMs, EventKind::crash, 0),    // no-op: already down
              node_event(80 * kMs, EventKind::resume, 1)};  // no-op: not paused
  const RunResult result = run_schedule(s, testing::echo_options());
  Strings records;
  for (const TraceRecord& r : result.trace.records) {
    records.push_back(fmt::format("{}@{} node={} peer={} count={} extra={} '{}'",
                                  to_string(r.kind), r.time_ns / kMs,
                                  r.node == kNoNode ? -1 : int(r.node),
                                  r.peer == kNoNode ? -1 : int(r.peer), r.count, r.extra,
                                  r.detail));
  }
  EXPECT_EQ(records, (Strings{
                         "partitioned@10 node=-1 peer=-1 count=0 extra=0 '0,2|1'",
                         "link_changed@20 node=1 peer=2 count=500 extra=7 'delay=1000000..5000000'",
                         "healed@30 node=-1 peer=-1 count=0 extra=0 ''",
                         "paused@40 node=1 peer=-1 count=0 extra=0 ''",
                         "resumed@50 node=1 peer=-1 count=0 extra=0 ''",
                         "crashed@60 node=0 peer=-1 count=0 extra=0 ''",
                         "healed@1000 node=-1 peer=-1 count=0 extra=0 ''",
                         "restarted@1000 node=0 peer=-1 count=0 extra=0 ''",
                     }));
}

TEST(SimulatorFaults, PartitionDropsMessagesAtSendAndAtDelivery) {
  Schedule s = quiet_schedule();
  // 0 -> 1 probes take 100 ms; the partition goes up while one is in flight.
  ScheduleEvent partition = node_event(150 * kMs, EventKind::partition, kNoNode);
  partition.groups = {{0}, {1, 2}};
  s.events = {fixed_delay_link(0, 0, 1, 100 * kMs), partition,
              node_event(450 * kMs, EventKind::heal, kNoNode)};
  std::vector<EchoCall> log;
  run_logged(s, log);
  // Probe 2 (in flight at 150 ms) is dropped at delivery; 3, 4, 5 at send.
  // Probe 6 (sent at 500 ms, after the heal cleared the slow link too)
  // arrives within the base delay.
  EXPECT_EQ(probes_from_0(log, 700 * kMs), (std::vector<int>{1, 6, 7}));
  const Strings calls = calls_of(log, 1, 700 * kMs);
  EXPECT_NE(std::find_if(calls.begin(), calls.end(),
                         [](const std::string& c) {
                           return c.rfind("message Probe 6 from 0@50", 0) == 0;
                         }),
            calls.end());
}

}  // namespace
}  // namespace dt
