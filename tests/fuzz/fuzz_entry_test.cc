// The libFuzzer targets' bodies without libFuzzer: the seed corpora are valid
// examples that survive the round trip, broken inputs are rejected without a
// crash, and the differential target's schedules stay inside their caps.
#include "fuzz/fuzz_entry.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/prng.h"
#include "fuzz/run_check.h"
#include "histories/history_json.h"
#include "histories/schedule_json.h"
#include "histories/trace_json.h"
#include "model/model_node.h"
#include "tests/fuzz/planted_nodes.h"

namespace dt {
namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> bytes_of(const std::string& text) {
  return {text.begin(), text.end()};
}

std::vector<fs::path> corpus(const std::string& target) {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(DT_SOURCE_DIR) / "fuzz/corpus" / target)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  EXPECT_GE(files.size(), 2u) << target;
  return files;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(FuzzEntry, ScheduleCorpusIsValidAndRoundTrips) {
  for (const fs::path& file : corpus("schedule_json")) {
    const std::string text = read_all(file);
    EXPECT_TRUE(read_schedule_json(text, file.string()).is_ok()) << file;
    EXPECT_TRUE(schedule_json_one(bytes_of(text))) << file;
  }
}

TEST(FuzzEntry, HistoryCorpusIsValidAndRoundTrips) {
  for (const fs::path& file : corpus("history_json")) {
    const std::string text = read_all(file);
    EXPECT_TRUE(read_history_json(text, file.string()).is_ok()) << file;
    EXPECT_TRUE(history_json_one(bytes_of(text))) << file;
  }
}

TEST(FuzzEntry, TraceCorpusIsValidAndRoundTrips) {
  for (const fs::path& file : corpus("trace_json")) {
    const std::string text = read_all(file);
    const Result<ReplicaTrace> trace = read_trace_json(text, file.string());
    EXPECT_TRUE(trace.is_ok()) << file << ": " << (trace.is_ok() ? "" : trace.error());
    EXPECT_TRUE(trace_json_one(bytes_of(text))) << file;
  }
}

TEST(FuzzEntry, ConfigCorpusRoundTrips) {
  for (const fs::path& file : corpus("config_json")) {
    EXPECT_TRUE(config_json_one(bytes_of(read_all(file)))) << file;
  }
}

TEST(FuzzEntry, BrokenInputsAreRejectedQuietly) {
  const std::string deep(10'000, '[');
  for (const std::string& text :
       {std::string(), std::string("{"), std::string("[]"), std::string("{\"format\":1}"),
        std::string("{\"nodes\":-1}"), std::string("\xff\xfe"), deep}) {
    EXPECT_TRUE(schedule_json_one(bytes_of(text)));
    EXPECT_TRUE(history_json_one(bytes_of(text)));
    EXPECT_TRUE(trace_json_one(bytes_of(text)));
    EXPECT_TRUE(config_json_one(bytes_of(text)));
  }
}

TEST(FuzzEntry, DifferentialCorpusRunsAndAPlantedDivergenceIsReported) {
  for (const fs::path& file : corpus("differential")) {
    const std::string text = read_all(file);
    const Schedule s = bounded_fuzz_schedule(bytes_of(text));
    EXPECT_TRUE(check_schedule_runnable(s).is_ok()) << file;
  }
  // Find a seed whose bounded schedule crashes a node; the planted shadow diverges there.
  for (uint8_t first = 0; first < 255; ++first) {
    std::vector<uint8_t> bytes(256, first);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(bytes[i] * 31 + i);
    const Schedule s = bounded_fuzz_schedule(bytes);
    const bool crashes = std::any_of(s.events.begin(), s.events.end(), [](const ScheduleEvent& e) {
      return e.kind == EventKind::crash;
    });
    if (!crashes) continue;
    const auto failure =
        differential_one(bytes, &make_model_node, &testing::make_restart_marking_node);
    ASSERT_TRUE(failure.has_value());
    EXPECT_NE(failure->description.find("divergence"), std::string::npos);
    EXPECT_EQ(failure->schedule, s);
    return;
  }
  FAIL() << "no input crashed a node";
}

RC_GTEST_PROP(FuzzEntry, BoundedSchedulesStayInsideTheCaps, (const std::vector<uint8_t>& bytes)) {
  const Schedule s = bounded_fuzz_schedule(bytes);
  RC_ASSERT(s.workload.ops <= kFuzzMaxOps);
  RC_ASSERT(s.workload.duration_ns <= kFuzzMaxDurationNs);
  RC_ASSERT(check_schedule_runnable(s).is_ok());
}

RC_GTEST_PROP(FuzzEntry, QuickBudgetCutsTheFullSchedule, (const std::vector<uint8_t>& bytes)) {
  const Schedule full = bounded_fuzz_schedule(bytes);
  const Schedule quick = bounded_fuzz_schedule(bytes, kQuickFuzzBudget);
  RC_ASSERT(quick.workload.ops <= kQuickFuzzBudget.max_ops);
  RC_ASSERT(quick.workload.duration_ns <= kQuickFuzzBudget.max_duration_ns);
  RC_ASSERT(quick.workload.ops <= full.workload.ops);
  RC_ASSERT(quick.events.size() <= full.events.size());
  RC_ASSERT(quick.config == full.config);
  RC_ASSERT(check_schedule_runnable(quick).is_ok());
}

// The quick budget still runs the checks (a clean node passes them, the run
// still quiesces) and still catches the planted divergence.
TEST(FuzzEntry, QuickBudgetChecksCleanRunsAndCatchesAPlantedDivergence) {
  Prng prng(7);
  for (int input = 0; input < 20; ++input) {
    std::vector<uint8_t> bytes(prng.below(256));
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(prng.next_u64());
    const auto failure =
        differential_one(bytes, &make_model_node, &make_model_node, kQuickFuzzBudget);
    EXPECT_FALSE(failure.has_value()) << failure->description;
  }
  for (uint8_t first = 0; first < 255; ++first) {
    std::vector<uint8_t> bytes(256, first);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(bytes[i] * 31 + i);
    const Schedule s = bounded_fuzz_schedule(bytes, kQuickFuzzBudget);
    if (std::none_of(s.events.begin(), s.events.end(),
                     [](const ScheduleEvent& e) { return e.kind == EventKind::crash; })) {
      continue;
    }
    const auto failure = differential_one(bytes, &make_model_node,
                                          &testing::make_restart_marking_node, kQuickFuzzBudget);
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->schedule, s);
    return;
  }
  FAIL() << "no quick input crashed a node";
}

}  // namespace
}  // namespace dt
