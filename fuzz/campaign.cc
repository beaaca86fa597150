#include "fuzz/campaign.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/assert.h"
#include "core/hash.h"
#include "fuzz/failure_files.h"
#include "fuzz/run_check.h"

namespace dt {

namespace {

constexpr size_t kLaterSeedsShown = 5;
constexpr uint64_t kNoIndex = UINT64_MAX;

// What one run leaves for the report; the schedule only when it failed.
struct RunSummary {
  uint64_t seed = 0;
  SwarmProfile swarm;
  std::optional<FailureSignature> failure;
  size_t promised_violations = 0;
  bool divergence = false;
  uint64_t digest = 0;  // the run's history and trace digest
  CoverageCounts coverage{};
  std::vector<std::string> dimensions;  // profile_dimensions of its schedule
  Schedule schedule;
};

// Wall time is for the campaign driver only (bounds and runs/s); no run sees it.
using SteadyClock = std::chrono::steady_clock;

double seconds_since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

void add_coverage(CoverageCounts& into, const CoverageCounts& from) {
  for (size_t m = 0; m < kCoverageMarkCount; ++m) into[m] += from[m];
}

size_t marks_reached_in(const CoverageCounts& counts) {
  return static_cast<size_t>(
      std::count_if(counts.begin(), counts.end(), [](uint64_t c) { return c > 0; }));
}

}  // namespace

std::vector<std::string> profile_dimensions(const DecodedSchedule& drawn) {
  const SwarmProfile& swarm = drawn.swarm;
  const Config& config = drawn.schedule.config;
  std::vector<std::string> dims;
  const std::pair<bool, const char*> faults[] = {
      {swarm.crash, "fault:crash"},         {swarm.wipe, "fault:wipe"},
      {swarm.pause, "fault:pause"},         {swarm.partition, "fault:partition"},
      {swarm.link, "fault:link"},           {swarm.clock_skew, "fault:clock_skew"}};
  for (const auto& [on, name] : faults) {
    if (on) dims.emplace_back(name);
  }
  if (dims.empty()) dims.emplace_back("fault:none");
  dims.emplace_back(config.quorum_mode == QuorumMode::strict ? "quorum:strict" : "quorum:sloppy");
  dims.emplace_back(config.versioning == Versioning::lww ? "versioning:lww" : "versioning:vclock");
  dims.emplace_back(config.hint_store == HintStoreMode::durable ? "hints:durable"
                                                                : "hints:volatile");
  return dims;
}

namespace {

class CampaignRunner {
 public:
  explicit CampaignRunner(const CampaignOptions& options) : options_(options) {}
  CampaignResult run();

 private:
  void worker();
  bool claim(uint64_t& index);
  RunSummary run_one(uint64_t index) const;
  void record(uint64_t index, RunSummary summary);
  void commit_locked();
  void count_locked(const RunSummary& summary);
  void watch(SteadyClock::time_point start);
  CampaignProgress progress_locked(SteadyClock::time_point start);
  bool stops_at_failure() const { return options_.on_failure != OnFailure::keep_going; }
  void finish_files();
  void minimize_failures();
  void minimize_one(size_t failure_index);

  const CampaignOptions& options_;
  std::atomic<uint64_t> next_index_{0};
  std::atomic<bool> stop_{false};
  std::mutex mu_;  // guards everything below
  std::condition_variable workers_done_;
  uint32_t workers_running_ = 0;
  uint64_t stop_index_ = kNoIndex;          // the lowest failing run (stop modes)
  std::map<uint64_t, RunSummary> pending_;  // finished, not yet counted in seed order
  uint64_t committed_ = 0;
  CampaignResult result_;
  std::vector<Schedule> failure_schedules_;  // parallel to result_.failures
  std::map<FailureSignature, size_t> failure_by_signature_;
  std::set<FailureSignature> originals_written_;
  std::map<uint64_t, std::string> written_dirs_;  // seed -> dir
  // For progress: every finished run, in any order.
  uint64_t finished_runs_ = 0, finished_failed_ = 0, finished_promised_ = 0;
  CoverageCounts finished_coverage_{};
  std::vector<FoundFailure> new_failures_;
};

bool CampaignRunner::claim(uint64_t& index) {
  if (stop_.load()) return false;
  index = next_index_.fetch_add(1);
  if (options_.max_runs && index >= *options_.max_runs) return false;
  std::lock_guard lock(mu_);
  return index < stop_index_;
}

RunSummary CampaignRunner::run_one(uint64_t index) const {
  const uint64_t seed =
      campaign_seed(options_.seed_start, options_.shard_index, options_.shard_count, index);
  DecodedSchedule drawn = campaign_schedule(seed, options_.inject, options_.draw);
  RunVerdict verdict = run_and_check(drawn.schedule, options_.primary, options_.shadow);
  RunSummary summary;
  summary.seed = seed;
  summary.swarm = drawn.swarm;
  summary.failure = verdict.failure;
  summary.promised_violations = verdict.promised_violations;
  summary.divergence = verdict.run.divergence.has_value();
  summary.digest = verdict.run.digest;
  summary.coverage = verdict.run.trace.coverage;
  summary.dimensions = profile_dimensions(drawn);
  if (summary.failure) summary.schedule = std::move(drawn.schedule);
  DT_ASSERT(summary.failure.has_value() || summary.promised_violations == 0,
            "promised violations make a failure");
  return summary;
}

void CampaignRunner::worker() {
  uint64_t index = 0;
  while (claim(index)) record(index, run_one(index));
  std::lock_guard lock(mu_);
  DT_ASSERT(workers_running_ > 0, "a worker was counted when it started");
  if (--workers_running_ == 0) workers_done_.notify_all();
}

void CampaignRunner::record(uint64_t index, RunSummary summary) {
  std::lock_guard lock(mu_);
  ++finished_runs_;
  finished_promised_ += summary.promised_violations;
  add_coverage(finished_coverage_, summary.coverage);
  if (summary.failure && index < stop_index_) {
    ++finished_failed_;
    new_failures_.push_back(FoundFailure{summary.seed, summary.swarm, *summary.failure});
    // The failing schedule goes to disk first, before anything can go wrong
    // while shrinking it; one per signature until the report picks its own.
    if (!options_.out_dir.empty() && originals_written_.insert(*summary.failure).second) {
      const std::string dir = failure_dir(options_.out_dir, summary.seed);
      if (write_original_schedule(dir, summary.schedule).is_ok()) written_dirs_[summary.seed] = dir;
    }
    if (stops_at_failure()) stop_index_ = index;
  }
  if (index <= stop_index_) pending_.emplace(index, std::move(summary));
  commit_locked();
}

void CampaignRunner::commit_locked() {
  for (auto it = pending_.find(committed_); it != pending_.end() && committed_ <= stop_index_;
       it = pending_.find(committed_)) {
    count_locked(it->second);
    pending_.erase(it);
    ++committed_;
  }
  if (stop_index_ != kNoIndex && committed_ > stop_index_) stop_.store(true);
  DT_ASSERT(stop_index_ == kNoIndex || committed_ <= stop_index_ + 1, "no run past the stop");
}

void CampaignRunner::count_locked(const RunSummary& summary) {
  add_coverage(result_.coverage, summary.coverage);
  result_.runs_digest = hash_combine(result_.runs_digest, summary.digest);
  for (const std::string& dimension : summary.dimensions) ++result_.profiles[dimension];
  result_.promised_violations += summary.promised_violations;
  result_.divergences += summary.divergence ? 1 : 0;
  if (!summary.failure) return;
  ++result_.failed_runs;
  const auto [it, first] = failure_by_signature_.emplace(*summary.failure, result_.failures.size());
  if (!first) {
    CampaignFailure& earlier = result_.failures[it->second];
    ++earlier.same_signature_runs;
    if (earlier.later_seeds.size() < kLaterSeedsShown) earlier.later_seeds.push_back(summary.seed);
    return;
  }
  CampaignFailure failure;
  failure.seed = summary.seed;
  failure.run_index = committed_;
  failure.swarm = summary.swarm;
  failure.signature = *summary.failure;
  failure.promised_violations = summary.promised_violations;
  result_.failures.push_back(std::move(failure));
  failure_schedules_.push_back(summary.schedule);
  DT_ASSERT(failure_schedules_.size() == result_.failures.size(), "parallel vectors");
}

CampaignProgress CampaignRunner::progress_locked(SteadyClock::time_point start) {
  CampaignProgress p;
  p.runs = finished_runs_;
  p.elapsed_seconds = seconds_since(start);
  p.failed_runs = finished_failed_;
  p.promised_violations = finished_promised_;
  p.marks_reached = marks_reached_in(finished_coverage_);
  p.new_failures.swap(new_failures_);
  return p;
}

// The calling thread: stops the workers at the deadline and reports progress
// at most once a second.
void CampaignRunner::watch(SteadyClock::time_point start) {
  std::unique_lock lock(mu_);
  DT_ASSERT(workers_running_ <= options_.jobs, "no more workers than jobs");
  double last_report_s = 0;
  double last_sample_s = 0;
  while (workers_running_ > 0) {
    double wait_s = 1.0;
    if (options_.max_seconds) {
      const double left_s = *options_.max_seconds - seconds_since(start);
      if (left_s <= 0) stop_.store(true);
      wait_s = std::clamp(left_s, 0.01, 1.0);
    }
    workers_done_.wait_for(lock, std::chrono::duration<double>(wait_s),
                           [this] { return workers_running_ == 0; });
    const double now_s = seconds_since(start);
    if (now_s - last_sample_s >= 1.0) {
      last_sample_s = now_s;
      result_.progress.push_back({now_s, finished_runs_, finished_failed_});
    }
    if (options_.on_progress && now_s - last_report_s >= 1.0 && workers_running_ > 0) {
      last_report_s = now_s;
      CampaignProgress p = progress_locked(start);
      lock.unlock();
      options_.on_progress(p);
      lock.lock();
    }
  }
  result_.progress.push_back({seconds_since(start), finished_runs_, finished_failed_});
  DT_ASSERT(workers_running_ == 0, "every worker finished");
}

// The report's failures get their original.json (if a worker did not write
// it already); files of failures the report does not list are removed.
void CampaignRunner::finish_files() {
  if (options_.out_dir.empty()) return;
  std::set<uint64_t> listed;
  for (size_t i = 0; i < result_.failures.size(); ++i) {
    CampaignFailure& failure = result_.failures[i];
    listed.insert(failure.seed);
    failure.dir = failure_dir(options_.out_dir, failure.seed);
    if (written_dirs_.count(failure.seed) != 0) continue;
    if (Status s = write_original_schedule(failure.dir, failure_schedules_[i]); !s.is_ok()) {
      failure.write_error = s.message();
    }
  }
  for (const auto& [seed, dir] : written_dirs_) {
    std::error_code ignored;  // best effort: a stale directory is harmless
    if (listed.count(seed) == 0) std::filesystem::remove_all(dir, ignored);
  }
  DT_ASSERT(listed.size() == result_.failures.size(), "one failure per seed");
}

void CampaignRunner::minimize_one(size_t failure_index) {
  DT_ASSERT(failure_index < result_.failures.size(), "failure index in range");
  CampaignFailure& failure = result_.failures[failure_index];
  MinimizeOptions options;
  options.primary = options_.primary;
  options.shadow = options_.shadow;
  options.max_runs = options_.minimize_max_runs;
  const MinimizeResult minimized =
      minimize_schedule(failure_schedules_[failure_index], failure.signature, options);
  failure.minimized = minimized.stats;
  if (failure.dir.empty() || !failure.write_error.empty()) return;
  const std::string header = fmt::format("seed:        {}\nswarm:       {}\ninject:      {}\n",
                                         failure.seed, failure.swarm.describe(),
                                         fmt::join(failure_schedules_[failure_index].inject, ","));
  if (Status s = write_minimized_outputs(failure.dir, header, failure.signature, minimized);
      !s.is_ok()) {
    failure.write_error = s.message();
  }
}

// Each failure is minimized by one thread; failures are spread over the jobs.
void CampaignRunner::minimize_failures() {
  if (options_.on_failure == OnFailure::stop || result_.failures.empty()) return;
  std::atomic<size_t> next{0};
  auto work = [this, &next] {
    for (size_t i = next.fetch_add(1); i < result_.failures.size(); i = next.fetch_add(1)) {
      minimize_one(i);
    }
  };
  const size_t threads = std::min<size_t>(options_.jobs, result_.failures.size());
  DT_ASSERT(threads >= 1, "at least one minimizing thread");
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

CampaignResult CampaignRunner::run() {
  DT_ASSERT(options_.primary != nullptr, "a campaign needs a primary node factory");
  DT_ASSERT(options_.max_runs.has_value() || options_.max_seconds.has_value(),
            "a campaign needs a run or time bound");
  DT_ASSERT(options_.jobs >= 1, "at least one job");
  const SteadyClock::time_point start = SteadyClock::now();
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mu_);
    workers_running_ = options_.jobs;
  }
  for (uint32_t j = 0; j < options_.jobs; ++j) workers.emplace_back([this] { worker(); });
  watch(start);
  for (std::thread& t : workers) t.join();
  result_.run_seconds = seconds_since(start);
  result_.runs = committed_;
  if (stop_index_ != kNoIndex) {
    result_.stopped_by = "failure";
  } else if (options_.max_runs && committed_ >= *options_.max_runs) {
    result_.stopped_by = "runs";
  } else {
    result_.stopped_by = "seconds";
  }
  finish_files();
  const SteadyClock::time_point minimize_start = SteadyClock::now();
  minimize_failures();
  result_.minimize_seconds = seconds_since(minimize_start);
  return result_;
}

}  // namespace

double CampaignResult::runs_per_second() const {
  return run_seconds > 0 ? static_cast<double>(runs) / run_seconds : 0.0;
}

size_t CampaignResult::marks_reached() const {
  return marks_reached_in(coverage);
}

int CampaignResult::exit_code() const {
  return failures.empty() ? 0 : 1;
}

uint64_t campaign_seed(uint64_t seed_start, uint32_t shard_index, uint32_t shard_count,
                       uint64_t index) {
  DT_ASSERT(shard_count >= 1, "at least one shard");
  DT_ASSERT(shard_index < shard_count, "shard index below the shard count");
  return seed_start + index * shard_count + shard_index;  // wraps modulo 2^64 by design
}

DecodedSchedule campaign_schedule(uint64_t seed, const std::vector<std::string>& inject,
                                  DrawScale draw) {
  DecodedSchedule drawn = draw_schedule(seed, draw);
  std::vector<std::string>& names = drawn.schedule.inject;
  names.insert(names.end(), inject.begin(), inject.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  DT_ASSERT(drawn.schedule.seed == seed, "the drawn schedule carries its seed");
  return drawn;
}

CampaignResult run_campaign(const CampaignOptions& options) {
  DT_ASSERT(options.shard_index < options.shard_count, "shard index below the shard count");
  CampaignResult result = CampaignRunner(options).run();
  DT_ASSERT(!options.max_runs || result.runs <= *options.max_runs, "no more runs than asked");
  return result;
}

}  // namespace dt
