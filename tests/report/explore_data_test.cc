// report/explore_data: an explored path's fault records become fault bands,
// and a summary.json the page cannot read is refused with file and field.
#include "report/explore_data.h"

#include <gtest/gtest.h>

#include "report/fault_bands.h"

namespace dt {
namespace {

TraceRecord record(TimeNs at, TraceKind kind, NodeId node, std::string detail = "") {
  TraceRecord r;
  r.time_ns = at;
  r.kind = kind;
  r.node = node;
  r.detail = std::move(detail);
  return r;
}

TEST(ExploreData, FaultRecordsBecomeBandsAndPartitions) {
  ReplicaTrace trace;
  trace.records = {record(1, TraceKind::stored, 0), record(2, TraceKind::crashed, 1),
                   record(3, TraceKind::partitioned, kNoNode, "0,2|1,3"),
                   record(4, TraceKind::restarted, 1), record(5, TraceKind::wiped, 2),
                   record(6, TraceKind::healed, kNoNode), record(7, TraceKind::restarted, 2)};
  Result<std::vector<ScheduleEvent>> events = explored_fault_events(trace);
  ASSERT_TRUE(events.is_ok()) << events.error();
  ASSERT_EQ(events.value().size(), 6u);  // the stored record is not a fault
  Schedule s;
  s.events = events.value();
  const FaultPicture p = fault_picture(s, 10);
  ASSERT_EQ(p.bands.size(), 2u);
  EXPECT_EQ(p.bands[0].kind, "down");
  EXPECT_EQ(p.bands[0].node, 1u);
  EXPECT_EQ(p.bands[0].start_ns, 2u);
  EXPECT_EQ(p.bands[0].end_ns, 4u);
  EXPECT_EQ(p.bands[1].kind, "wiped");
  EXPECT_EQ(p.bands[1].end_ns, 7u);
  ASSERT_EQ(p.partitions.size(), 1u);
  EXPECT_EQ(p.partitions[0].groups, (std::vector<std::vector<NodeId>>{{0, 2}, {1, 3}}));
  EXPECT_EQ(p.partitions[0].start_ns, 3u);
  EXPECT_EQ(p.partitions[0].end_ns, 6u);
}

TEST(ExploreData, MalformedPartitionRecordIsAnError) {
  for (const char* detail : {"0,1|", "0;1|2", "", "0,,1|2", "1234567890|1"}) {
    ReplicaTrace trace;
    trace.records = {record(3, TraceKind::partitioned, kNoNode, detail)};
    Result<std::vector<ScheduleEvent>> events = explored_fault_events(trace);
    ASSERT_FALSE(events.is_ok()) << detail;
    EXPECT_NE(events.error().find("records[0].detail"), std::string::npos) << events.error();
  }
}

Json good_summary() {
  return Json::parse(R"({"states": 10, "transitions": 20, "max_depth": 4, "histories_checked": 3,
    "verified": true, "exhaustive": true, "bounds_hit": [], "violation": null,
    "choice_kinds": {"deliver": {"enabled_states": 5, "taken": 7}}})");
}

TEST(ExploreData, SummaryFieldsAreChecked) {
  EXPECT_TRUE(check_explore_summary(good_summary(), "s.json").is_ok());
  auto error_of = [](Json j) { return check_explore_summary(j, "s.json").message(); };
  Json j = good_summary();
  j.erase("states");
  EXPECT_EQ(error_of(j), "s.json: states: missing");
  j = good_summary();
  j["verified"] = "yes";
  EXPECT_EQ(error_of(j), "s.json: verified: expected a boolean, got string");
  j = good_summary();
  j["bounds_hit"] = Json::array({"depth", 3});
  EXPECT_EQ(error_of(j), "s.json: bounds_hit[1]: expected a string, got an integer");
  j = good_summary();
  j["violation"] = Json::object({{"failure", "x"}});
  EXPECT_EQ(error_of(j), "s.json: violation.choices: missing");
  j["violation"]["choices"] = Json::array({"deliver 0->1", 7});
  EXPECT_EQ(error_of(j), "s.json: violation.choices[1]: expected a string, got an integer");
  j = good_summary();
  j["choice_kinds"] = 3;
  EXPECT_EQ(error_of(j), "s.json: choice_kinds: expected an object, got an integer");
}

}  // namespace
}  // namespace dt
