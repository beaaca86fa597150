// Config <-> JSON: all fields by name, enums as names, defaults when omitted.
#include "histories/config_json.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/histories/generators.h"

namespace dt {
namespace {

TEST(ConfigJson, WritesEveryFieldByName) {
  Config c;
  c.hint_store = HintStoreMode::volatile_;
  const Json j = config_to_json(c);
  EXPECT_EQ(j.size(), 22u);
  EXPECT_EQ(j["probe_scope"], "all");
  EXPECT_EQ(j["hint_store"], "volatile");
  EXPECT_EQ(j["quorum_mode"], "sloppy");
  EXPECT_EQ(j["versioning"], "vclock");
  EXPECT_EQ(j["request_deadline_ns"], 200 * kMillisecondNs);
  EXPECT_EQ(j["network_delay_distribution"], "uniform");
}

TEST(ConfigJson, OmittedFieldsKeepDefaults) {
  Result<Config> c =
      config_from_json(Json::parse(R"({"nodes": 7, "versioning": "lww"})"), "config");
  ASSERT_TRUE(c.is_ok()) << c.error();
  Config expected;
  expected.nodes = 7;
  expected.versioning = Versioning::lww;
  EXPECT_EQ(c.value(), expected);
}

TEST(ConfigJson, RejectsBadFields) {
  auto error_of = [](const char* text) {
    Result<Config> c = config_from_json(Json::parse(text), "config");
    return c.is_ok() ? std::string("ok") : c.error();
  };
  EXPECT_EQ(error_of(R"({"hint_store": "flaky"})"),
            "config.hint_store: \"flaky\" is not a hint store mode (durable|volatile)");
  EXPECT_EQ(error_of(R"({"network_delay_distribution": "gauss"})"),
            "config.network_delay_distribution: \"gauss\" is not a delay distribution "
            "(uniform|exponential|pareto)");
  EXPECT_EQ(error_of(R"({"probe_scope": "some"})"),
            "config.probe_scope: \"some\" is not a probe scope (all|neighbors)");
  EXPECT_EQ(error_of(R"({"network_delay_mean_ns": -2})"),
            "config.network_delay_mean_ns: -2 is negative, expected an unsigned integer");
  EXPECT_EQ(error_of(R"({"versioning": 1})"),
            "config.versioning: expected a string, got an integer");
  EXPECT_EQ(error_of(R"({"N": 3})"), "config.N: unknown field of the config");
  EXPECT_EQ(error_of("[]"), "config: expected an object, got array");
}

RC_GTEST_PROP(ConfigJson, RoundTrips, ()) {
  const Config c = testgen::gen_config();
  Result<Config> back = config_from_json(config_to_json(c), "config");
  RC_ASSERT(back.is_ok());
  RC_ASSERT(back.value() == c);
}

}  // namespace
}  // namespace dt
