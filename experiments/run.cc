// Task scheduling over threads and aggregation over seeds (run.h).
#include "experiments/run.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "core/assert.h"

namespace dt {

namespace {
constexpr uint32_t kMaxSeeds = 10'000;
constexpr uint32_t kMaxJobs = 256;

MetricSummary summarize_metric(const std::string& metric,
                               const std::vector<std::vector<Measurement>>& per_seed) {
  MetricSummary summary;
  summary.metric = metric;
  bool first = true;
  for (const std::vector<Measurement>& measurements : per_seed) {
    for (const Measurement& m : measurements) {
      if (m.metric != metric) continue;
      DT_ASSERT(first || m.kind == summary.kind, "metric " + metric + " changed kind");
      first = false;
      summary.kind = m.kind;
      summary.per_seed.push_back(m.value);
      summary.successes += m.successes;
      summary.trials += m.trials;
      ++summary.seeds;
    }
  }
  DT_ASSERT(!summary.per_seed.empty(), "summary of a metric nobody reported");
  summary.interval = summary.kind == MetricKind::proportion
                         ? wilson_interval(summary.successes, summary.trials)
                         : mean_interval(summary.per_seed);
  return summary;
}

}  // namespace

PointSummary summarize(const Point& point,
                       const std::vector<std::vector<Measurement>>& per_seed) {
  PointSummary summary{point, {}};
  std::vector<std::string> names;  // first-reported order
  for (const std::vector<Measurement>& measurements : per_seed) {
    for (const Measurement& m : measurements) {
      bool seen = false;
      for (const std::string& name : names) seen = seen || name == m.metric;
      if (!seen) names.push_back(m.metric);
    }
  }
  for (const std::string& name : names) {
    summary.metrics.push_back(summarize_metric(name, per_seed));
  }
  return summary;
}

Result<ExperimentResult> run_experiment(const ExperimentSpec& spec, const Params& params,
                                        const ExperimentSettings& settings) {
  if (settings.seeds < 1 || settings.seeds > kMaxSeeds) {
    return Status::error("--seeds: must be in 1..10000");
  }
  if (settings.jobs < 1 || settings.jobs > kMaxJobs) {
    return Status::error("--jobs: must be in 1..256");
  }
  Result<std::vector<Point>> points = spec.points(params);
  if (!points.is_ok()) return points.status();
  const size_t seeds = settings.seeds;
  const size_t total = points.value().size() * seeds;
  std::vector<std::vector<Measurement>> slots(total);
  std::atomic<size_t> next{0};
  size_t done = 0;
  std::mutex progress_mutex;
  auto worker = [&]() {
    for (size_t task = next++; task < total; task = next++) {
      const Point& point = points.value()[task / seeds];
      slots[task] = spec.run(params, point, settings.first_seed + task % seeds);
      if (settings.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        settings.progress(++done, total);
      }
    }
  };
  std::vector<std::thread> threads;
  for (uint32_t i = 1; i < settings.jobs; ++i) threads.emplace_back(worker);
  worker();
  for (std::thread& thread : threads) thread.join();

  ExperimentResult result{spec.name, spec.question, params.texts(), {}, {}};
  for (size_t s = 0; s < seeds; ++s) result.seeds.push_back(settings.first_seed + s);
  for (size_t p = 0; p < points.value().size(); ++p) {
    const std::vector<std::vector<Measurement>> per_seed(
        slots.begin() + static_cast<std::ptrdiff_t>(p * seeds),
        slots.begin() + static_cast<std::ptrdiff_t>((p + 1) * seeds));
    result.points.push_back(summarize(points.value()[p], per_seed));
  }
  return result;
}

}  // namespace dt
