// Schedule files: byte-identical round trips, and exact errors for bad input.
#include "histories/schedule_json.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/schedule_validate.h"
#include "histories/json_util.h"
#include "tests/histories/generators.h"

namespace dt {
namespace {

using testgen::first_json_block;

std::string schedule_error_of(std::string_view text) {
  Result<Schedule> s = read_schedule_json(text, "bad.json");
  return s.is_ok() ? "ok" : s.error();
}

// A valid schedule whose events are followed by `events`.
std::string with_events(const std::string& events) {
  return R"({"format": "dynamo-testbed-schedule", "version": 1, "events": [)" + events + "]}";
}

TEST(ScheduleJson, MinimalFileUsesDefaults) {
  Result<Schedule> s = read_schedule_json(with_events(""), "min.json");
  ASSERT_TRUE(s.is_ok()) << s.error();
  EXPECT_EQ(s.value(), Schedule{});
}

TEST(ScheduleJson, WritesStablePrettyText) {
  Schedule s;
  ScheduleEvent crash;
  crash.at_ns = 5;
  crash.node = 2;
  ScheduleEvent put;
  put.at_ns = 7;
  put.kind = EventKind::put;
  put.process = 1;
  put.key = 3;
  put.value = 42;
  s.events = {crash, put};
  const std::string text = write_schedule_json(s);
  EXPECT_NE(text.find("  \"events\": [\n    {\"at_ns\":5,\"kind\":\"crash\",\"node\":2},\n"
                      "    {\"at_ns\":7,\"kind\":\"put\",\"process\":1,\"key\":3,\"value\":42}\n"
                      "  ],\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"config\": {\n    \"nodes\": 5,\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\"quorum_mode\": \"sloppy\""), std::string::npos);
  Result<Schedule> back = read_schedule_json(text, "s.json");
  ASSERT_TRUE(back.is_ok()) << back.error();
  EXPECT_EQ(back.value(), s);
}

RC_GTEST_PROP(ScheduleJson, RoundTripIsByteIdentical, ()) {
  const Schedule s = testgen::gen_schedule();
  RC_ASSERT(validate_schedule(s).is_ok());
  const std::string text = write_schedule_json(s);
  Result<Schedule> back = read_schedule_json(text, "s.json");
  RC_ASSERT(back.is_ok());
  RC_ASSERT(back.value() == s);
  RC_ASSERT(write_schedule_json(back.value()) == text);
}

TEST(ScheduleJson, RejectsNonJson) {
  EXPECT_EQ(schedule_error_of("hello"),
            "bad.json: not valid JSON: parse error at line 1, column 1: syntax error while "
            "parsing value - invalid literal; last read: 'h'");
  EXPECT_EQ(schedule_error_of(""),
            "bad.json: not valid JSON: parse error at line 1, column 1: syntax error while "
            "parsing value - unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1, "events": [)"),
            "bad.json: not valid JSON: parse error at line 1, column 64: syntax error while "
            "parsing value - unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(schedule_error_of(std::string(100, '[')),
            "bad.json: not valid JSON: nested deeper than 64");
  EXPECT_EQ(schedule_error_of("[]"), "bad.json: the document: expected an object, got array");
  EXPECT_EQ(
      schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1, "version": 2})"),
      "bad.json: not valid JSON: field \"version\" appears twice in one object");
  EXPECT_EQ(
      schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1, "seed": 1e999})"),
      "bad.json: not valid JSON: number overflow parsing '1e999'");
}

TEST(ScheduleJson, RejectsWrongFormatOrVersion) {
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-history", "version": 1})"),
            "bad.json: format: \"dynamo-testbed-history\" is not \"dynamo-testbed-schedule\"");
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 2})"),
            "bad.json: version: 2 is not supported (this build reads version 1)");
  EXPECT_EQ(schedule_error_of(R"({"version": 1})"), "bad.json: format: missing");
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule"})"),
            "bad.json: version: missing");
}

TEST(ScheduleJson, RejectsUnknownFields) {
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1, "sede": 3})"),
            "bad.json: sede: unknown field of a schedule");
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1,
                         "config": {"node": 3}})"),
            "bad.json: config.node: unknown field of the config");
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1,
                         "workload": {"clients": 2, "threads": 3}})"),
            "bad.json: workload.threads: unknown field of the workload");
  EXPECT_EQ(
      schedule_error_of(with_events(R"({"at_ns": 1, "kind": "crash", "node": 1, "groups": []})")),
      "bad.json: events[0].groups: unknown field of a crash event");
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "heal", "node": 1})")),
            "bad.json: events[0].node: unknown field of a heal event");
}

TEST(ScheduleJson, RejectsWrongTypes) {
  const std::string head = R"({"format": "dynamo-testbed-schedule", "version": 1, )";
  EXPECT_EQ(schedule_error_of(head + R"("seed": "1"})"),
            "bad.json: seed: expected an unsigned integer, got string");
  EXPECT_EQ(schedule_error_of(head + R"("config": {"nodes": 3.0}})"),
            "bad.json: config.nodes: 3.0 is not an integer");
  EXPECT_EQ(schedule_error_of(head + R"("config": {"nodes": -3}})"),
            "bad.json: config.nodes: -3 is negative, expected an unsigned integer");
  EXPECT_EQ(schedule_error_of(head + R"("config": {"nodes": 4294967296}})"),
            "bad.json: config.nodes: 4294967296 is out of range (0..4294967295)");
  EXPECT_EQ(schedule_error_of(head + R"("seed": 18446744073709551616})"),
            "bad.json: seed: 1.8446744073709552e+19 is out of range (0..18446744073709551615)");
  EXPECT_EQ(schedule_error_of(head + R"("config": {"quorum_mode": "lax"}})"),
            "bad.json: config.quorum_mode: \"lax\" is not a quorum mode (sloppy|strict)");
  EXPECT_EQ(schedule_error_of(head + R"("workload": {"final_reads": 1}})"),
            "bad.json: workload.final_reads: expected a boolean, got an integer");
  EXPECT_EQ(schedule_error_of(head + R"("events": {}})"),
            "bad.json: events: expected an array, got object");
  EXPECT_EQ(schedule_error_of(head + R"("inject": [3]})"),
            "bad.json: inject[0]: expected a string, got an integer");
}

TEST(ScheduleJson, RejectsBadEvents) {
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "explode"})")),
            "bad.json: events[0].kind: \"explode\" is not an event kind (crash|restart|wipe|"
            "pause|resume|partition|heal|link|clock_skew|put|get|delete|add)");
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "crash"})")),
            "bad.json: events[0].node: missing");
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "crash", "node": -1})")),
            "bad.json: events[0].node: -1 is negative, expected an unsigned integer");
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "crash", "node": 0},
                                    {"at_ns": 2, "kind": "crash", "node": 0},
                                    {"at_ns": 3, "kind": "crash", "node": 0},
                                    {"at_ns": 4, "kind": "crash", "node": 7})")),
            "bad.json: events[3].node: 7 is not a node (nodes are 0..4)");
  EXPECT_EQ(schedule_error_of(
                with_events(R"({"at_ns": 9, "kind": "heal"}, {"at_ns": 2, "kind": "heal"})")),
            "bad.json: events[1].at_ns: 2 is before the previous event's (9)");
  EXPECT_EQ(
      schedule_error_of(with_events(R"({"at_ns": 1, "kind": "partition", "groups": [[0, 1]]})")),
      "bad.json: events[0].groups: a partition needs at least 2 groups, got 1");
  EXPECT_EQ(
      schedule_error_of(with_events(R"({"at_ns": 1, "kind": "partition", "groups": [[0], [0]]})")),
      "bad.json: events[0].groups[1][0]: node 0 is in more than one group");
  EXPECT_EQ(
      schedule_error_of(with_events(R"({"at_ns": 1, "kind": "partition", "groups": [[0], 1]})")),
      "bad.json: events[0].groups[1]: expected an array, got an integer");
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "get", "process": 0, "key": 0,
                                     "value": 3})")),
            "bad.json: events[0].value: a get carries no value");
  EXPECT_EQ(schedule_error_of(with_events(R"({"at_ns": 1, "kind": "put", "process": 0, "key": 0,
                                     "value": 1.5})")),
            "bad.json: events[0].value: 1.5 is not an integer in range");
}

TEST(ScheduleJson, RejectsQuorumAboveN) {
  EXPECT_EQ(schedule_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1,
                         "config": {"replicas_n": 3, "read_quorum_r": 4}})"),
            "bad.json: config.read_quorum_r: 4 is more than replicas_n (3)");
}

TEST(ScheduleJson, RejectsBadDelayDistributions) {
  const std::string head = R"({"format": "dynamo-testbed-schedule", "version": 1, "config": )";
  EXPECT_EQ(schedule_error_of(head + R"({"network_delay_distribution": "pareto",
                                "network_delay_mean_ns": 2000000,
                                "network_delay_pareto_shape_milli": 900}})"),
            "bad.json: config.network_delay_pareto_shape_milli: 900 is not above 1000 (a "
            "Pareto shape <= 1 has no finite mean)");
  EXPECT_EQ(schedule_error_of(head + R"({"network_delay_distribution": "exponential"}})"),
            "bad.json: config.network_delay_mean_ns: 0, but network_delay_distribution "
            "exponential needs a mean of at least 1 ns");
  EXPECT_EQ(schedule_error_of(head + R"({"network_delay_mean_ns": -1}})"),
            "bad.json: config.network_delay_mean_ns: -1 is negative, expected an unsigned "
            "integer");
}

TEST(ScheduleJson, LoadsFilesAndNamesMissingOnes) {
  EXPECT_EQ(load_schedule_file("/nonexistent/x.json").error(),
            "/nonexistent/x.json: cannot read file");
}

// Any bytes, and any one-byte mutation of a valid file: an answer, never a crash.
RC_GTEST_PROP(ScheduleJson, ArbitraryBytesNeverCrash, (const std::string& bytes)) {
  Result<Schedule> s = read_schedule_json(bytes, "x.json");
  if (!s.is_ok()) RC_ASSERT(!s.error().empty());
}

RC_GTEST_PROP(ScheduleJson, MutatedFilesNeverCrash, ()) {
  std::string text = write_schedule_json(testgen::gen_schedule());
  const int mutations = *rc::gen::inRange(1, 4);
  for (int i = 0; i < mutations; ++i) {
    const size_t at = *rc::gen::inRange<size_t>(0, text.size());
    text[at] = *rc::gen::element('0', '9', '-', '.', '"', '[', ']', '{', '}', ',', 'e', ' ');
  }
  Result<Schedule> s = read_schedule_json(text, "x.json");
  if (!s.is_ok()) return;
  RC_ASSERT(validate_schedule(s.value()).is_ok());
  // Whatever was accepted survives a round trip unchanged.
  Result<Schedule> again = read_schedule_json(write_schedule_json(s.value()), "again.json");
  RC_ASSERT(again.is_ok());
  RC_ASSERT(again.value() == s.value());
}

TEST(ScheduleJson, DocumentedExampleIsValid) {
  const std::string example = first_json_block("docs/schedule-format.md");
  EXPECT_EQ(schedule_error_of(example), "ok") << example;
}

}  // namespace
}  // namespace dt
