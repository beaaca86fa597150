#include "checks/check_all.h"

#include <array>
#include <map>
#include <tuple>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

constexpr Key kCheckAllKey = 1;

// A clean strict run: one write on all home replicas, one read that sees it.
struct CleanRun {
  Config config = test::config_of(3, 2, 2, QuorumMode::strict);
  std::vector<NodeId> home = test::home_of(config, kCheckAllKey);
  Version v1 = test::version(1, home[0], 1);
  History history;
  ReplicaTrace trace;

  CleanRun() {
    test::HistoryBuilder h;
    const uint64_t put = h.put(0, kCheckAllKey, 1, 10, 20, OpType::ok, home[0]);
    const uint64_t get = h.get(1, kCheckAllKey, 30, 40, {v1}, home[1]);
    history = h.build();
    test::TraceBuilder t;
    for (NodeId n : home) t.stored(12, n, kCheckAllKey, v1);
    t.replied(15, home[0], put, home[0]).replied(15, home[0], put, home[1]);
    t.replied(35, home[1], get, home[1]).replied(35, home[1], get, home[2]);
    t.quiesced_empty(config, 1000).final_store(home, kCheckAllKey, {v1});
    trace = t.build();
  }
};

TEST(CheckAll, AcceptsACleanRun) {
  const CleanRun run;
  const CheckReport report = check_all(CheckInput{run.config, run.history, run.trace});
  ASSERT_EQ(report.verdicts.size(), 9u);
  EXPECT_FALSE(report.any_promised_violation()) << format_report(report);
  for (const PropertyVerdict& v : report.verdicts) {
    EXPECT_TRUE(v.checked) << v.property;
    EXPECT_TRUE(v.violations.empty()) << v.property;
  }
  EXPECT_EQ(report.verdicts[0].property, "quorum_overlap");
  EXPECT_EQ(report.verdicts[5].property, "handoff_hygiene");
  EXPECT_EQ(report.verdicts[6].property, "integrity");
  EXPECT_EQ(report.verdicts[7].property, "trace_completeness");
  EXPECT_EQ(report.verdicts[8].property, "mechanisms");
}

TEST(CheckAll, ReportsEachBrokenPropertyByName) {
  CleanRun run;
  run.trace.final_states[run.home[2]].store.clear();
  const CheckReport report = check_all(CheckInput{run.config, run.history, run.trace});
  EXPECT_TRUE(report.any_promised_violation());
  ASSERT_EQ(report.verdict("durability").violations.size(), 1u);
  EXPECT_EQ(report.verdict("durability").violations[0].kind, "lost_write");
  ASSERT_EQ(report.verdict("convergence").violations.size(), 1u);
  EXPECT_EQ(report.verdict("convergence").violations[0].kind, "diverged_replicas");
  EXPECT_TRUE(report.verdict("causality").violations.empty());
}

TEST(CheckAll, RejectsAMalformedHistoryForEveryProperty) {
  CleanRun run;
  run.history[1].process = 9;  // completion of the put from a process with nothing open
  const CheckReport report = check_all(CheckInput{run.config, run.history, run.trace});
  ASSERT_EQ(report.verdicts.size(), 9u);
  for (const PropertyVerdict& v : report.verdicts) {
    EXPECT_FALSE(v.checked);
    EXPECT_TRUE(v.promised) << v.property;
    ASSERT_EQ(v.violations.size(), 1u);
    EXPECT_EQ(v.violations[0].kind, "malformed_input");
    EXPECT_TRUE(v.violations[0].promised) << "a recorder must never produce it: a bug";
  }
}

TEST(CheckAll, RejectsAnInvalidConfig) {
  CleanRun run;
  run.config.read_quorum_r = 4;
  const CheckReport report = check_all(CheckInput{run.config, run.history, run.trace});
  EXPECT_EQ(report.verdicts[0].violations[0].kind, "malformed_input");
  EXPECT_NE(report.verdicts[0].violations[0].explanation.find("config.read_quorum_r"),
            std::string::npos)
      << report.verdicts[0].violations[0].explanation;
}

}  // namespace
}  // namespace dt

namespace dt {
namespace {

// A correct strict store, generated: sequential ops, every put stored on all home
// replicas with the latest version as its context, every get returning the latest.
struct GeneratedRun {
  Config config = test::config_of(3, 2, 2, QuorumMode::strict);
  History history;
  ReplicaTrace trace;
  std::map<Key, Version> latest;
};

GeneratedRun generate_correct_run(const std::vector<std::pair<bool, Key>>& ops) {
  GeneratedRun run;
  const HomePlacement placement(run.config);
  test::HistoryBuilder h;
  test::TraceBuilder t;
  TimeNs now = 10;
  std::vector<uint64_t> counters(run.config.nodes, 1);
  WriteId next_write = 1;
  for (const auto& [is_put, key] : ops) {
    const std::vector<NodeId>& home = placement.home_of_key(key);
    if (is_put) {
      const auto it = run.latest.find(key);
      const VClock context = it == run.latest.end() ? VClock() : it->second.clock();
      const Version v = test::version(next_write, home[0], counters[home[0]]++, context);
      const uint64_t op = h.put(0, key, next_write++, now, now + 5, OpType::ok, home[0], context);
      for (NodeId n : home) {
        t.stored(now + 1, n, key, v).replied(now + 2, home[0], op, n);
        // The new version replaces the old one: a complete trace says so.
        if (it != run.latest.end()) {
          t.record(now + 1, TraceKind::superseded, n, kNoNode, key, it->second.write_id,
                   it->second.dot);
        }
      }
      run.latest[key] = v;
    } else {
      const auto it = run.latest.find(key);
      Siblings read;
      if (it != run.latest.end()) read.push_back(it->second);
      const uint64_t op = h.get(1, key, now, now + 5, read, home[1]);
      t.replied(now + 2, home[1], op, home[1]).replied(now + 2, home[1], op, home[2]);
    }
    now += 10;
  }
  t.quiesced_empty(run.config, now);
  for (const auto& [key, v] : run.latest) t.final_store(placement.home_of_key(key), key, {v});
  run.history = h.build();
  run.trace = t.build();
  return run;
}

RC_GTEST_PROP(CheckAllProperty, AcceptsEveryCorrectRun,
              (const std::vector<std::pair<bool, uint8_t>>& raw)) {
  std::vector<std::pair<bool, Key>> ops;
  for (const auto& [is_put, key] : raw) ops.emplace_back(is_put, key % 8);
  const GeneratedRun run = generate_correct_run(ops);
  const CheckReport report = check_all(CheckInput{run.config, run.history, run.trace});
  for (const PropertyVerdict& v : report.verdicts) {
    RC_ASSERT(v.checked);
    RC_ASSERT(v.violations.empty());
  }
}

RC_GTEST_PROP(CheckAllProperty, RejectsADroppedCopyOfTheLastWrite,
              (const std::vector<std::pair<bool, uint8_t>>& raw, uint8_t replica)) {
  std::vector<std::pair<bool, Key>> ops;
  for (const auto& [is_put, key] : raw) ops.emplace_back(is_put, key % 8);
  ops.emplace_back(true, 3);
  GeneratedRun run = generate_correct_run(ops);
  const NodeId victim = test::home_of(run.config, 3)[replica % 3];
  run.trace.final_states[victim].store.erase(3);
  const CheckReport report = check_all(CheckInput{run.config, run.history, run.trace});
  const PropertyVerdict& durability = report.verdict("durability");
  RC_ASSERT(!durability.violations.empty());
  RC_ASSERT(durability.violations.back().kind == std::string("lost_write"));
  RC_ASSERT(durability.violations.back().nodes == std::vector<NodeId>{victim});
  RC_ASSERT(report.verdict("convergence").violations.size() == 1u);
  RC_ASSERT(report.verdict("convergence").violations[0].kind == std::string("diverged_replicas"));
}

}  // namespace
}  // namespace dt

namespace dt {
namespace {

// Arbitrary (well-paired) histories and arbitrary traces: the checkers may
// report anything but must never stop on an internal assertion.
RC_GTEST_PROP(CheckAllProperty, NeverStopsOnArbitraryInput, ()) {
  const Config config = test::config_of(3, 2, 2,
                                        *rc::gen::element(QuorumMode::sloppy, QuorumMode::strict));
  test::HistoryBuilder h;
  const auto ops = *rc::gen::container<std::vector<std::tuple<uint8_t, uint8_t, uint8_t>>>(
      rc::gen::arbitrary<std::tuple<uint8_t, uint8_t, uint8_t>>());
  TimeNs now = 0;
  WriteId next_write = 1;
  for (const auto& [kind, key, seed] : ops) {
    const OpType outcome = seed % 5 == 0 ? OpType::info : OpType::ok;
    const NodeId coordinator = seed % 7 == 6 ? kNoNode : seed % 5;
    if (kind % 2 == 0) {
      const VClock context =
          seed % 3 == 0 ? VClock() : test::clock_of({{seed % 5, seed % 4 + 1u}});
      h.put(next_write % 4, key % 4, next_write, now, now + 5, outcome, coordinator, context);
      ++next_write;
    } else {
      Siblings read;
      for (uint8_t i = 0; i < seed % 3; ++i) {
        read.push_back(test::version((seed + i) % 9, (seed + i) % 5, i + 1u));
      }
      h.get(100 + kind % 3, key % 4, now, now + 5, read, coordinator, outcome);
    }
    now += 10;
  }
  const History history = h.build();
  test::TraceBuilder t;
  const auto records = *rc::gen::container<std::vector<std::array<uint8_t, 6>>>(
      rc::gen::arbitrary<std::array<uint8_t, 6>>());
  const char* details[] = {"0,1|2,3,4", "4|0,1", "", "9", "delay=1..900000000", "x"};
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    const int kinds = static_cast<int>(TraceKind::clock_skewed) + 1;
    const auto kind = static_cast<TraceKind>(r[0] % kinds);
    const NodeId node = r[1] % 7 == 6 ? kNoNode : r[1] % 6;
    t.record(i * 3, kind, node, r[2] % 6, r[3] % 4, r[4] % 9,
             Dot{static_cast<ActorId>(r[4] % 5), r[5] % 3 + 1u});
    t.trace().records.back().op_id = r[5] % 20;
    t.trace().records.back().count = r[5] % 4 == 0 ? 1'000'000 : r[5] % 2;
    t.trace().records.back().detail = details[r[2] % 6];
  }
  if (*rc::gen::arbitrary<bool>()) {
    t.quiesced_empty(config, now);
    t.final_store({0, 1, 2}, 1, {test::version(1, 0, 1)});
  }
  const ReplicaTrace trace = t.build();
  const CheckReport report = check_all(CheckInput{config, history, trace});
  RC_ASSERT(report.verdicts.size() == 9u);
  RC_ASSERT(!format_report(report).empty());
}

}  // namespace
}  // namespace dt
