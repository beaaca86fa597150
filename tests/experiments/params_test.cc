#include "experiments/params.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

std::vector<ParamSpec> specs() {
  return {
      {"nodes", ParamKind::integer_list, "10,100", "cluster sizes", 1, 1000, {}},
      {"mttr_s", ParamKind::real, "2.5", "repair time", 0.001, 100, {}},
      {"keys", ParamKind::integer, "7", "keys", 1, 100, {}},
      {"modes", ParamKind::choice_list, "strict,sloppy", "modes", 0, 0, {"strict", "sloppy"}},
      {"rates", ParamKind::real_list, "0.5", "rates", 0, 1, {}},
  };
}

TEST(ParamsTest, DefaultsApplyAndAssignmentsOverride) {
  const Result<Params> p = parse_params(specs(), {"keys=9", "nodes=3", "nodes=4,5"});
  ASSERT_TRUE(p.is_ok()) << p.error();
  EXPECT_EQ(p.value().integer("keys"), 9);
  EXPECT_EQ(p.value().integers("nodes"), (std::vector<int64_t>{4, 5}));
  EXPECT_DOUBLE_EQ(p.value().real("mttr_s"), 2.5);
  EXPECT_EQ(p.value().choices("modes"), (std::vector<std::string>{"strict", "sloppy"}));
  EXPECT_EQ(p.value().texts()[0], (std::pair<std::string, std::string>{"nodes", "4,5"}));
}

void expect_error(const std::vector<std::string>& assignments, const std::string& fragment) {
  const Result<Params> p = parse_params(specs(), assignments);
  ASSERT_FALSE(p.is_ok()) << "accepted " << assignments.front();
  EXPECT_NE(p.error().find(fragment), std::string::npos) << p.error();
}

TEST(ParamsTest, BadInputNamesTheParameter) {
  expect_error({"bogus=1"}, "--param bogus: unknown parameter");
  expect_error({"keys"}, "is not k=v");
  expect_error({"keys=x"}, "--param keys: \"x\" is not an integer");
  expect_error({"keys=1.5"}, "--param keys");
  expect_error({"keys=101"}, "--param keys: 101 is outside");
  expect_error({"nodes=10,,20"}, "--param nodes: \"\" is not an integer");
  expect_error({"nodes=10,"}, "--param nodes");
  expect_error({"mttr_s=nan"}, "--param mttr_s");
  expect_error({"mttr_s= 1"}, "--param mttr_s");
  expect_error({"modes=strict,lax"}, "--param modes: \"lax\" is not one of strict, sloppy");
  expect_error({"rates=2"}, "--param rates: 2 is outside");
}

}  // namespace
}  // namespace dt
