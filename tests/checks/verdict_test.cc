#include "checks/verdict.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dt {
namespace {

CheckReport sample_report() {
  PropertyVerdict clean{"causality", true, true, {}, "10 replies"};
  PropertyVerdict stale{"quorum_overlap", true, false, {}, "2 stale reads"};
  stale.violations.push_back(
      Violation{true, "stale_read", {0, 1, 2, 3}, {7}, {2}, {1}, {20, 30}, "node 2 had it"});
  stale.violations.push_back(
      Violation{false, "stale_read_fallback", {4, 5}, {7}, {}, {2}, {}, "fallbacks"});
  return CheckReport{{stale, clean}};
}

TEST(Verdict, CountsPromisedAndExpectedViolations) {
  const CheckReport report = sample_report();
  EXPECT_EQ(report.verdicts[0].promised_violation_count(), 1u);
  EXPECT_EQ(report.verdicts[0].expected_violation_count(), 1u);
  EXPECT_TRUE(report.any_promised_violation());
  EXPECT_EQ(report.verdict("causality").summary, "10 replies");
  CheckReport only_expected = report;
  only_expected.verdicts[0].violations.erase(only_expected.verdicts[0].violations.begin());
  EXPECT_FALSE(only_expected.any_promised_violation());
}

TEST(Verdict, FormatsATableThenTheWitnesses) {
  const std::string text = format_report(sample_report());
  EXPECT_NE(text.find("property         | checked | promised | violations | "
                      "expected-and-explained"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("quorum_overlap   | yes     | no       |          1 | "
                      "                     1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  [BUG] stale_read\n      ops:    0,1,2,3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("      times:  20,30 ns\n      why:    node 2 had it\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  [expected] stale_read_fallback"), std::string::npos) << text;
}

// A witness prints exactly its non-empty fields, in a fixed order.
TEST(Verdict, AWitnessPrintsOnlyTheFieldsItHas) {
  PropertyVerdict v{"durability", true, true, {}, "2 writes"};
  v.violations.push_back(Violation{false, "bare", {}, {}, {}, {}, {}, "nothing named"});
  v.violations.push_back(Violation{true, "keyed", {}, {7}, {}, {3}, {}, "key and write"});
  const std::string text = format_report(CheckReport{{v}});
  EXPECT_NE(text.find("  [expected] bare\n      why:    nothing named\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  [BUG] keyed\n      keys:   7\n      writes: 3\n      why:    key and write\n"),
            std::string::npos)
      << text;
}

TEST(Verdict, ElidesWitnessesPastTheLimit) {
  const std::string text = format_report(sample_report(), 1);
  EXPECT_NE(text.find("  ... 1 more\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("stale_read_fallback"), std::string::npos) << text;
}

TEST(Verdict, WritesJson) {
  const nlohmann::json json = to_json(sample_report());
  EXPECT_EQ(json["any_promised_violation"], true);
  ASSERT_EQ(json["verdicts"].size(), 2u);
  const nlohmann::json& stale = json["verdicts"][0];
  EXPECT_EQ(stale["property"], "quorum_overlap");
  EXPECT_EQ(stale["promised_violations"], 1);
  EXPECT_EQ(stale["expected_violations"], 1);
  EXPECT_EQ(stale["violations"][0]["kind"], "stale_read");
  EXPECT_EQ(stale["violations"][0]["op_indices"], nlohmann::json({0, 1, 2, 3}));
  EXPECT_EQ(stale["violations"][0]["times_ns"], nlohmann::json({20, 30}));
  EXPECT_EQ(stale["violations"][1]["promised"], false);
}

}  // namespace
}  // namespace dt
