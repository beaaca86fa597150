// The typed JSON readers: every wrong shape is an error naming the path.
#include "histories/json_util.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

Json parsed(std::string_view text) {
  Result<Json> j = parse_json(text);
  EXPECT_TRUE(j.is_ok()) << j.error();
  return j.is_ok() ? j.value() : Json();
}

std::string u64_error(std::string_view text) {
  uint64_t out = 0;
  const Status s = read_u64(parsed(text), "x", out);
  return s.is_ok() ? "ok " + std::to_string(out) : s.message();
}

TEST(JsonUtil, ReadsUnsignedIntegersOnly) {
  EXPECT_EQ(u64_error("18446744073709551615"), "ok 18446744073709551615");
  EXPECT_EQ(u64_error("-0"), "ok 0");
  EXPECT_EQ(u64_error("-1"), "x: -1 is negative, expected an unsigned integer");
  EXPECT_EQ(u64_error("2.5"), "x: 2.5 is not an integer");
  EXPECT_EQ(u64_error("1e3"), "x: 1000.0 is not an integer");
  EXPECT_EQ(u64_error("1e30"), "x: 1e+30 is out of range (0..18446744073709551615)");
  EXPECT_EQ(u64_error("\"5\""), "x: expected an unsigned integer, got string");
  EXPECT_EQ(u64_error("null"), "x: expected an unsigned integer, got null");
  EXPECT_EQ(u64_error("true"), "x: expected an unsigned integer, got boolean");
}

TEST(JsonUtil, ReadsNarrowAndSignedIntegers) {
  uint32_t u32 = 0;
  EXPECT_EQ(read_u32(parsed("4294967296"), "n", u32).message(),
            "n: 4294967296 is out of range (0..4294967295)");
  int64_t i64 = 0;
  EXPECT_TRUE(read_i64(parsed("-9223372036854775808"), "v", i64).is_ok());
  EXPECT_EQ(i64, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(read_i64(parsed("9223372036854775808"), "v", i64).message(),
            "v: 9223372036854775808 is out of range (-9223372036854775808..9223372036854775807)");
  EXPECT_EQ(read_i64(parsed("[]"), "v", i64).message(), "v: expected an integer, got array");
}

TEST(JsonUtil, ObjectReaderNamesMissingAndUnknownFields) {
  const Json j = parsed(R"({"a": 1, "b": "x", "c": 2})");
  ObjectReader r(j, "top");
  uint64_t a = 0;
  std::string b;
  r.read("a", a, Need::required);
  r.read("b", b, Need::optional);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.finish("a thing").message(), "top.c: unknown field of a thing");
  ObjectReader missing(j, "top");
  missing.read("zz", a, Need::required);
  EXPECT_EQ(missing.finish().message(), "top.zz: missing");
  ObjectReader wrong(parsed("[1]"), "top");
  EXPECT_EQ(wrong.finish().message(), "top: expected an object, got array");
}

TEST(JsonUtil, ParserRejectsHostileInput) {
  EXPECT_EQ(parse_json(std::string(65, '[') + std::string(65, ']')).error(),
            "not valid JSON: nested deeper than 64");
  EXPECT_TRUE(parse_json(std::string(64, '[') + std::string(64, ']')).is_ok());
  // Brackets inside strings do not count as nesting.
  EXPECT_TRUE(parse_json("[\"" + std::string(100, '[') + "\\\"\"]").is_ok());
  EXPECT_EQ(parse_json(R"({"a": {"b": 1, "b": 2}})").error(),
            "not valid JSON: field \"b\" appears twice in one object");
  EXPECT_TRUE(parse_json(R"([{"b": 1}, {"b": 2}])").is_ok());
  EXPECT_FALSE(parse_json("\"\xff\"").is_ok());  // invalid UTF-8
}

TEST(JsonUtil, DumpsDocumentsStably) {
  Json doc = Json::object();
  doc["name"] = "x";
  doc["nested"] = Json{{"a", 1}};
  doc["rows"] = Json::array({Json{{"k", 1}}, Json{{"k", 2}}});
  doc["empty"] = Json::array();
  EXPECT_EQ(dump_document(doc, {"rows", "empty"}),
            "{\n"
            "  \"name\": \"x\",\n"
            "  \"nested\": {\n"
            "    \"a\": 1\n"
            "  },\n"
            "  \"rows\": [\n"
            "    {\"k\":1},\n"
            "    {\"k\":2}\n"
            "  ],\n"
            "  \"empty\": []\n"
            "}\n");
}

}  // namespace
}  // namespace dt
