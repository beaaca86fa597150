// Trace files: byte-identical round trips, and exact errors for bad input.
#include "histories/trace_json.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/histories/generators.h"

namespace dt {
namespace {

std::string trace_error_of(std::string_view text) {
  Result<ReplicaTrace> t = read_trace_json(text, "t.json");
  return t.is_ok() ? "ok" : t.error();
}

// A valid trace with two nodes whose records are `records`.
std::string with_records(const std::string& records, const std::string& states = "") {
  const std::string default_states =
      R"({"node": 0, "store": [], "hints": [], "suspected": [], "pending": [],
          "merkle_roots": []},
         {"node": 1, "store": [], "hints": [], "suspected": [], "pending": [],
          "merkle_roots": []})";
  return R"({"format": "dynamo-testbed-trace", "version": 1, "final_heal_ns": 5,
             "quiescence_rounds_used": 1, "quiesced": true, "final_reads_ns": 9,
             "coverage": {"sibling_created": 2}, "final_states": [)" +
         (states.empty() ? default_states : states) + R"(], "records": [)" + records + "]}";
}

TEST(TraceJson, ReadsAMinimalTrace) {
  Result<ReplicaTrace> t =
      read_trace_json(with_records(R"({"time_ns": 3, "node": 1, "kind": "stored", "write_id": 4,
                       "dot": [1, 1]})"),
                      "t.json");
  ASSERT_TRUE(t.is_ok()) << t.error();
  EXPECT_EQ(t.value().records.size(), 1u);
  EXPECT_EQ(t.value().records[0].kind, TraceKind::stored);
  EXPECT_EQ(t.value().coverage[static_cast<size_t>(CoverageMark::sibling_created)], 2u);
  const std::string text = write_trace_json(t.value());
  EXPECT_NE(text.find("    {\"time_ns\":3,\"node\":1,\"kind\":\"stored\",\"write_id\":4,"
                      "\"dot\":[1,1]}\n"),
            std::string::npos)
      << text;
}

RC_GTEST_PROP(TraceJson, RoundTripIsByteIdentical, ()) {
  const ReplicaTrace trace = testgen::gen_trace();
  const std::string text = write_trace_json(trace);
  Result<ReplicaTrace> back = read_trace_json(text, "t.json");
  RC_ASSERT(back.is_ok());
  RC_ASSERT(back.value() == trace);
  RC_ASSERT(write_trace_json(back.value()) == text);
}

TEST(TraceJson, RejectsBadRecords) {
  EXPECT_EQ(trace_error_of(with_records(R"({"time_ns": 3, "kind": "teleported"})")),
            "t.json: records[0].kind: \"teleported\" is not a trace kind");
  EXPECT_EQ(trace_error_of(with_records(R"({"time_ns": 3, "kind": "healed"},
                                     {"time_ns": 2, "kind": "healed"})")),
            "t.json: records[1].time_ns: 2 is before the previous record's (3)");
  EXPECT_EQ(trace_error_of(with_records(R"({"time_ns": 3, "node": 2, "kind": "crashed"})")),
            "t.json: records[0].node: 2 is not a node (nodes are 0..1)");
  EXPECT_EQ(trace_error_of(with_records(R"({"time_ns": 3, "kind": "healed", "peer": 7})")),
            "t.json: records[0].peer: 7 is not a node (nodes are 0..1)");
  EXPECT_EQ(trace_error_of(with_records(R"({"time_ns": 3, "kind": "healed", "mood": 7})")),
            "t.json: records[0].mood: unknown field of a trace record");
  EXPECT_EQ(trace_error_of(with_records(R"({"time_ns": -3, "kind": "healed"})")),
            "t.json: records[0].time_ns: -3 is negative, expected an unsigned integer");
}

TEST(TraceJson, RejectsBadStatesAndCoverage) {
  EXPECT_EQ(trace_error_of(with_records("", R"({"node": 1, "store": [], "hints": [],
      "suspected": [], "pending": [], "merkle_roots": []})")),
            "t.json: final_states[0].node: 1, expected 0 (one state per node, in order)");
  EXPECT_EQ(trace_error_of(with_records("", R"({"node": 0, "store": [{"key": 2, "siblings": []},
      {"key": 2, "siblings": []}], "hints": [], "suspected": [], "pending": [],
      "merkle_roots": []})")),
            "t.json: final_states[0].store[1].key: not after the previous entry's key "
            "(entries are sorted, unique)");
  EXPECT_EQ(trace_error_of(with_records("", R"({"node": 0, "store": [], "hints": [],
      "suspected": [3, 1], "pending": [], "merkle_roots": []})")),
            "t.json: final_states[0].suspected[1]: not after the previous entry's node "
            "(entries are sorted, unique)");
  EXPECT_EQ(trace_error_of(with_records("", R"({"node": 0, "store": [], "hints": [],
      "suspected": [], "merkle_roots": []})")),
            "t.json: final_states[0].pending: missing");
  std::string text = with_records("");
  text.replace(text.find("sibling_created"), 15, "sibling_created2");
  EXPECT_EQ(trace_error_of(text),
            "t.json: coverage.sibling_created2: unknown field of the coverage (not a coverage "
            "mark)");
}

TEST(TraceJson, LoadsFilesAndNamesMissingOnes) {
  EXPECT_EQ(load_trace_file("/nonexistent/t.json").error(),
            "/nonexistent/t.json: cannot read file");
}

RC_GTEST_PROP(TraceJson, ArbitraryBytesNeverCrash, (const std::string& bytes)) {
  Result<ReplicaTrace> t = read_trace_json(bytes, "x.json");
  if (!t.is_ok()) RC_ASSERT(!t.error().empty());
}

RC_GTEST_PROP(TraceJson, MutatedFilesNeverCrash, ()) {
  std::string text = write_trace_json(testgen::gen_trace());
  const int mutations = *rc::gen::inRange(1, 4);
  for (int i = 0; i < mutations; ++i) {
    const size_t at = *rc::gen::inRange<size_t>(0, text.size());
    text[at] = *rc::gen::element('0', '9', '-', '.', '"', '[', ']', '{', '}', ',', 'e', ' ');
  }
  Result<ReplicaTrace> t = read_trace_json(text, "x.json");
  if (!t.is_ok()) return;
  Result<ReplicaTrace> again = read_trace_json(write_trace_json(t.value()), "again.json");
  RC_ASSERT(again.is_ok());
  RC_ASSERT(again.value() == t.value());
}

}  // namespace
}  // namespace dt
