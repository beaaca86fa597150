// Every schedule in tests/regressions/ (one per bug-zoo bug, docs/bug-zoo.md):
// with its bug on, the impl alone shows the promised violation the registry
// (impl/bugs.h) names; with the bug off, the impl alone shows none and model +
// impl in lockstep do not diverge. Also the registry and its name validation.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "fuzz/run_check.h"
#include "histories/schedule_json.h"
#include "impl/bugs.h"
#include "impl/impl_bugs.h"
#include "impl/impl_node.h"
#include "model/model_node.h"

namespace dt {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> regression_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(DT_SOURCE_DIR) / "tests/regressions")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Schedule load(const fs::path& path) {
  const Result<Schedule> schedule = load_schedule_file(path.string());
  EXPECT_TRUE(schedule.is_ok()) << path << ": " << schedule.error();
  return schedule.is_ok() ? schedule.value() : Schedule{};
}

bool shows_promised(const CheckReport& report, const BugInfo& bug) {
  for (const PropertyVerdict& verdict : report.verdicts) {
    if (verdict.property != bug.property) continue;
    for (const Violation& v : verdict.violations) {
      if (v.promised && v.kind == bug.kind) return true;
    }
  }
  return false;
}

TEST(Regressions, EveryZooBugHasExactlyOneRegressionFile) {
  std::set<std::string> stems;
  for (const fs::path& path : regression_files()) stems.insert(path.stem().string());
  for (const BugInfo& bug : bug_zoo()) {
    EXPECT_EQ(stems.count(bug.name), 1u) << "no tests/regressions/" << bug.name << ".json";
  }
  EXPECT_EQ(stems.size(), bug_zoo().size()) << "a regression file for no zoo bug";
}

TEST(Regressions, WithTheBugTheImplAloneShowsTheDocumentedViolation) {
  for (const fs::path& path : regression_files()) {
    const Schedule schedule = load(path);
    ASSERT_EQ(schedule.inject, std::vector<std::string>{path.stem().string()}) << path;
    const BugInfo* bug = find_bug(schedule.inject.front());
    ASSERT_NE(bug, nullptr) << path;
    const RunVerdict verdict = run_and_check(schedule, &make_impl_node, nullptr);
    EXPECT_TRUE(shows_promised(verdict.report, *bug))
        << path << ": no promised " << bug->property << "/" << bug->kind << "\n"
        << format_report(verdict.report, 3);
  }
}

TEST(Regressions, WithoutTheBugTheImplIsCleanAndAgreesWithTheModel) {
  for (const fs::path& path : regression_files()) {
    Schedule schedule = load(path);
    schedule.inject.clear();
    const RunVerdict alone = run_and_check(schedule, &make_impl_node, nullptr);
    EXPECT_FALSE(alone.report.any_promised_violation())
        << path << "\n" << format_report(alone.report, 3);
    const RunVerdict lockstep = run_and_check(schedule, &make_model_node, &make_impl_node);
    EXPECT_FALSE(lockstep.run.divergence.has_value()) << path;
    EXPECT_FALSE(lockstep.failed()) << path << ": " << lockstep.failure->describe();
  }
}

TEST(BugZoo, NamesAreUniqueAndEachSwitchesOnItsOwnFlag) {
  std::set<std::string> names;
  std::vector<ImplBugs> resolved;
  for (const BugInfo& bug : bug_zoo()) {
    EXPECT_TRUE(names.insert(bug.name).second) << bug.name;
    EXPECT_NE(std::string(bug.property), "");
    EXPECT_NE(std::string(bug.kind), "");
    const ImplBugs flags = resolve_impl_bugs(BugSet{bug.name});
    EXPECT_FALSE(flags == ImplBugs{}) << bug.name << " switches on no flag";
    for (const ImplBugs& other : resolved) EXPECT_FALSE(flags == other) << bug.name;
    resolved.push_back(flags);
  }
  EXPECT_GE(bug_zoo().size(), 10u);
}

TEST(BugZoo, ValidationRejectsUnknownNamesExactly) {
  EXPECT_TRUE(validate_bug_names({}, "inject").is_ok());
  EXPECT_TRUE(
      validate_bug_names({"hint_deleted_before_ack", "test-divergence"}, "inject").is_ok());
  const Status bad = validate_bug_names({"sibling_drop_on_merge", "foo"}, "inject");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.message(), "inject[1]: \"foo\" is not a known bug (see docs/bug-zoo.md)");
  const Status empty = validate_bug_names({""}, "--inject");
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.message(), "--inject[0]: \"\" is not a known bug (see docs/bug-zoo.md)");
  EXPECT_EQ(find_bug("test-divergence"), nullptr);
  EXPECT_TRUE(is_known_bug("test-divergence"));
  EXPECT_FALSE(is_known_bug("Hint_Deleted_Before_Ack"));
}

}  // namespace
}  // namespace dt
