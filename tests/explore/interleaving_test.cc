// A counterexample written as an interleaving file reads back and replays to
// the same history, trace and digest as the explored path.
#include "explore/interleaving.h"

#include <gtest/gtest.h>

#include "explore/search.h"
#include "sim/run_digest.h"
#include "tests/explore/explore_fixtures.h"

namespace dt {

TEST(Interleaving, CounterexampleRoundTripsThroughReplay) {
  ExploreSetup setup = testing::tiny_setup(Side::impl, "write_quorum_off_by_one");
  setup.bounds.ops_per_client = 2;
  SearchOptions options;
  options.max_memory_bytes = 0;
  const ExploreResult result = explore(setup, options);
  ASSERT_TRUE(result.counterexample.has_value());
  Interleaving in;
  in.side = "impl";
  in.config = setup.config;
  in.bounds = setup.bounds;
  in.inject = {"write_quorum_off_by_one"};
  in.choices = refs_of(result.counterexample->choices);
  in.failure = result.counterexample->verdict.failure;
  in.digest = digest_hex(result.counterexample->verdict.digest);
  const std::string text = write_interleaving_json(in);
  ASSERT_TRUE(is_interleaving_json(text));
  const Result<Interleaving> back = read_interleaving_json(text, "cx.json");
  ASSERT_TRUE(back.is_ok()) << back.error();
  EXPECT_EQ(write_interleaving_json(back.value()), text);
  const Result<ExploreSetup> again = setup_of(back.value());
  ASSERT_TRUE(again.is_ok()) << again.error();
  const Result<PathVerdict> replayed = replay_interleaving(again.value(), back.value().choices);
  ASSERT_TRUE(replayed.is_ok()) << replayed.error();
  EXPECT_EQ(replayed.value().digest, result.counterexample->verdict.digest);
  EXPECT_EQ(replayed.value().history, result.counterexample->verdict.history);
  EXPECT_EQ(replayed.value().failure, result.counterexample->verdict.failure);
}

TEST(Interleaving, ReplayNamesAChoiceThatIsNotEnabled) {
  const ExploreSetup setup = testing::tiny_setup();
  const Result<PathVerdict> r =
      replay_interleaving(setup, {ChoiceRef{ChoiceKind::crash, 42, "crash node 9"}});
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.error().find("choices[0]"), std::string::npos);
}

TEST(Interleaving, RejectsBadFiles) {
  EXPECT_FALSE(read_interleaving_json("{", "x.json").is_ok());
  const Result<Interleaving> r = read_interleaving_json(
      R"({"format":"dynamo-testbed-interleaving","version":1,"side":"impl","config":{},)"
      R"("bounds":{},"choices":[{"kind":"teleport","key":"0000000000000001"}]})",
      "x.json");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.error().find("teleport"), std::string::npos);
}

}  // namespace dt
