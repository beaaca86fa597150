// History files: byte-identical round trips, and exact errors for bad input.
#include "histories/history_json.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "histories/history_validate.h"
#include "histories/json_util.h"
#include "tests/histories/generators.h"

namespace dt {
namespace {

using testgen::first_json_block;

std::string history_error_of(std::string_view text) {
  Result<HistoryFile> h = read_history_json(text, "h.json");
  return h.is_ok() ? "ok" : h.error();
}

std::string with_ops(const std::string& ops) {
  return R"({"format": "dynamo-testbed-history", "version": 1, "config": {}, "ops": [)" + ops +
         "]}";
}

const char* kPutInvoke =
    R"({"index": 0, "time_ns": 10, "process": 0, "type": "invoke", "f": "put", "key": 1,
        "value": 7, "write_id": 7, "op_id": 100})";

History sample_history() {
  HistoryOp put;
  put.index = 0;
  put.time_ns = 10;
  put.f = OpFn::put;
  put.key = 1;
  put.value = 7;
  put.write_id = 7;
  put.op_id = 100;
  put.coordinator = 2;
  HistoryOp put_ok = put;
  put_ok.index = 1;
  put_ok.time_ns = 20;
  put_ok.type = OpType::ok;
  HistoryOp get;
  get.index = 2;
  get.time_ns = 30;
  get.process = 1;
  get.key = 1;
  get.op_id = 101;
  HistoryOp get_ok = get;
  get_ok.index = 3;
  get_ok.time_ns = 40;
  get_ok.type = OpType::ok;
  Version v;
  v.dot = Dot{2, 1};
  v.value = {7};
  v.write_id = 7;
  get_ok.read = {v};
  get_ok.context = v.clock();
  return {put, put_ok, get, get_ok};
}

TEST(HistoryJson, WritesOneOpPerLine) {
  const std::string text = write_history_json(Config{}, sample_history());
  EXPECT_NE(
      text.find("  \"ops\": [\n"
                "    {\"index\":0,\"time_ns\":10,\"process\":0,\"type\":\"invoke\",\"f\":\"put\","
                "\"key\":1,\"value\":7,\"write_id\":7,\"op_id\":100,\"coordinator\":2},\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("{\"index\":3,\"time_ns\":40,\"process\":1,\"type\":\"ok\",\"f\":\"get\","
                      "\"key\":1,\"op_id\":101,\"context\":[[2,1]],\"read\":[{\"write_id\":7,"
                      "\"dot\":[2,1],\"value\":[7]}]}\n  ]\n}\n"),
            std::string::npos)
      << text;
  Result<HistoryFile> back = read_history_json(text, "h.json");
  ASSERT_TRUE(back.is_ok()) << back.error();
  EXPECT_EQ(back.value().ops, sample_history());
}

RC_GTEST_PROP(HistoryJson, RoundTripIsByteIdentical, ()) {
  const Config config = testgen::gen_config();
  const History history = testgen::gen_history(config, 5);
  RC_ASSERT(validate_history(config, history).is_ok());
  const std::string text = write_history_json(config, history);
  Result<HistoryFile> back = read_history_json(text, "h.json");
  RC_ASSERT(back.is_ok());
  RC_ASSERT(back.value().config == config);
  RC_ASSERT(back.value().ops == history);
  RC_ASSERT(write_history_json(back.value().config, back.value().ops) == text);
}

TEST(HistoryJson, RejectsBadDocuments) {
  EXPECT_EQ(
      history_error_of("{\"format\": \"dynamo-testbed-history\", \"version\": 1, \"ops\": [{"),
      "h.json: not valid JSON: parse error at line 1, column 61: syntax error while "
      "parsing object key - unexpected end of input; expected string literal");
  EXPECT_EQ(history_error_of(R"({"format": "dynamo-testbed-schedule", "version": 1})"),
            "h.json: format: \"dynamo-testbed-schedule\" is not \"dynamo-testbed-history\"");
  EXPECT_EQ(history_error_of(R"({"format": "dynamo-testbed-history", "version": 0})"),
            "h.json: version: 0 is not supported (this build reads version 1)");
  EXPECT_EQ(history_error_of(R"({"format": "dynamo-testbed-history", "version": 1, "ops": []})"),
            "h.json: config: missing");
  EXPECT_EQ(history_error_of(R"({"format": "dynamo-testbed-history", "version": 1,
                         "config": {"read_quorum_r": 4}, "ops": []})"),
            "h.json: config.read_quorum_r: 4 is more than replicas_n (3)");
  EXPECT_EQ(history_error_of(with_ops("") + " "), "ok");
}

TEST(HistoryJson, RejectsBadOpFields) {
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1, "colour": 3})")),
            "h.json: ops[0].colour: unknown field of an op");
  EXPECT_EQ(
      history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": "0", "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1})")),
      "h.json: ops[0].process: expected an unsigned integer, got string");
  EXPECT_EQ(
      history_error_of(with_ops(R"({"index": 0, "time_ns": 1.5, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1})")),
      "h.json: ops[0].time_ns: 1.5 is not an integer");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "done",
                                  "f": "get", "key": 1, "op_id": 1})")),
            "h.json: ops[0].type: \"done\" is not an op type (invoke|ok|fail|info)");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "cas", "key": 1, "op_id": 1})")),
            "h.json: ops[0].f: \"cas\" is not an op (put|get|delete|add)");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1})")),
            "h.json: ops[0].op_id: missing");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1, "coordinator": 5})")),
            "h.json: ops[0].coordinator: 5 is not a node (nodes are 0..4)");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1, "value": 5})")),
            "h.json: ops[0].value: a get carries no value");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1, "error": "x"})")),
            "h.json: ops[0].error: only fail and info carry an error");
  EXPECT_EQ(history_error_of(with_ops(R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                                  "f": "get", "key": 1, "op_id": 1, "not_found": true})")),
            "h.json: ops[0].not_found: only a get's ok carries not_found");
}

TEST(HistoryJson, RejectsBadVersions) {
  const std::string get = R"({"index": 0, "time_ns": 1, "process": 0, "type": "invoke",
                              "f": "get", "key": 1, "op_id": 1},
                             {"index": 1, "time_ns": 2, "process": 0, "type": "ok",
                              "f": "get", "key": 1, "op_id": 1, )";
  EXPECT_EQ(history_error_of(with_ops(get + R"("context": [[2, 1], [1, 1]]})")),
            "h.json: ops[1].context[1]: node 1 is not after the previous entry's (entries are "
            "sorted, unique)");
  EXPECT_EQ(history_error_of(with_ops(get + R"("context": [[2, 0]]})")),
            "h.json: ops[1].context[0][1]: a counter is at least 1");
  EXPECT_EQ(
      history_error_of(with_ops(get + R"("read": [{"write_id": 1, "dot": [1, 2], "value": [1]},
                                                 {"write_id": 2, "dot": [1, 1], "value": [2]}]})")),
      "h.json: ops[1].read[1].dot: not after the previous sibling's dot (siblings are "
      "sorted by dot, unique)");
  EXPECT_EQ(history_error_of(
                with_ops(get + R"("read": [{"write_id": 1, "dot": [1, 2], "value": [2, 1]}]})")),
            "h.json: ops[1].read[0].value[1]: 1 is not after the previous element (values are "
            "sorted sets)");
  EXPECT_EQ(history_error_of(with_ops(get + R"("read": [{"write_id": 1, "dot": [1, 2], "value": [2],
                                                  "tombstone": true}]})")),
            "h.json: ops[1].read[0].value: a tombstone has an empty value");
  EXPECT_EQ(
      history_error_of(with_ops(get + R"("read": [{"write_id": 1, "dot": [1], "value": []}]})")),
      "h.json: ops[1].read[0].dot: expected [id, counter], got 1 elements");
}

TEST(HistoryJson, RejectsBrokenPairing) {
  const std::string ok_put = R"({"index": 0, "time_ns": 10, "process": 2, "type": "ok",
                                 "f": "put", "key": 1, "value": 7, "op_id": 100})";
  EXPECT_EQ(history_error_of(with_ops(ok_put)),
            "h.json: ops[0]: ok for process 2 with no open invoke");
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 1, "time_ns": 11, "process": 0, "type": "invoke", "f": "get", "key": 1,
       "op_id": 101})")),
            "h.json: ops[1]: invoke for process 0 while ops[0] is still open");
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 1, "time_ns": 11, "process": 0, "type": "info", "f": "put", "key": 1,
       "value": 7, "op_id": 100, "error": "timeout"},
      {"index": 2, "time_ns": 12, "process": 0, "type": "invoke", "f": "get", "key": 1,
       "op_id": 101})")),
            "h.json: ops[2]: invoke for process 0 after its info (a process never invokes again "
            "after info)");
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 1, "time_ns": 11, "process": 0, "type": "ok", "f": "delete", "key": 1,
       "op_id": 100})")),
            "h.json: ops[1].f: delete does not match its invoke ops[0] (put)");
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 1, "time_ns": 11, "process": 0, "type": "fail", "f": "put", "key": 2,
       "op_id": 100})")),
            "h.json: ops[1].key: 2 does not match its invoke ops[0] (1)");
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 1, "time_ns": 11, "process": 0, "type": "ok", "f": "put", "key": 1,
       "op_id": 99})")),
            "h.json: ops[1].op_id: 99 does not match its invoke ops[0] (100)");
}

TEST(HistoryJson, RejectsBadIndicesAndTimes) {
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 0, "time_ns": 11, "process": 0, "type": "ok", "f": "put", "key": 1,
       "op_id": 100})")),
            "h.json: ops[1].index: 0, expected 1 (indices are dense, in file order)");
  EXPECT_EQ(history_error_of(with_ops(std::string(kPutInvoke) + R"(,
      {"index": 1, "time_ns": 9, "process": 0, "type": "ok", "f": "put", "key": 1,
       "op_id": 100})")),
            "h.json: ops[1].time_ns: 9 is before the previous op's (10)");
}

TEST(HistoryJson, LoadsFilesAndNamesMissingOnes) {
  EXPECT_EQ(load_history_file("/nonexistent/h.json").error(),
            "/nonexistent/h.json: cannot read file");
  Result<HistoryFile> loaded = load_history_file(std::string(DT_SOURCE_DIR) + "/docs/exports.md");
  ASSERT_FALSE(loaded.is_ok());
  EXPECT_EQ(
      loaded.error().rfind(std::string(DT_SOURCE_DIR) + "/docs/exports.md: not valid JSON: ", 0),
      0u);
}

RC_GTEST_PROP(HistoryJson, ArbitraryBytesNeverCrash, (const std::string& bytes)) {
  Result<HistoryFile> h = read_history_json(bytes, "x.json");
  if (!h.is_ok()) RC_ASSERT(!h.error().empty());
}

RC_GTEST_PROP(HistoryJson, MutatedFilesNeverCrash, ()) {
  const Config config = testgen::gen_config();
  std::string text = write_history_json(config, testgen::gen_history(config, 5));
  const int mutations = *rc::gen::inRange(1, 4);
  for (int i = 0; i < mutations; ++i) {
    const size_t at = *rc::gen::inRange<size_t>(0, text.size());
    text[at] = *rc::gen::element('0', '9', '-', '.', '"', '[', ']', '{', '}', ',', 'e', ' ');
  }
  Result<HistoryFile> h = read_history_json(text, "x.json");
  if (!h.is_ok()) return;
  RC_ASSERT(validate_history(h.value().config, h.value().ops).is_ok());
  Result<HistoryFile> again =
      read_history_json(write_history_json(h.value().config, h.value().ops), "again.json");
  RC_ASSERT(again.is_ok());
  RC_ASSERT(again.value() == h.value());
}

TEST(HistoryJson, DocumentedExampleIsValid) {
  const std::string example = first_json_block("docs/history-format.md");
  EXPECT_EQ(history_error_of(example), "ok") << example;
}

}  // namespace
}  // namespace dt
