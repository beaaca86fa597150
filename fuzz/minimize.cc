#include "fuzz/minimize.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "core/assert.h"
#include "core/schedule_validate.h"
#include "fuzz/ddmin.h"

namespace dt {

namespace {

constexpr int kMaxRounds = 4;
constexpr int kMaxShrinkSteps = 12;
constexpr TimeNs kTimeGrainsNs[] = {kSecondNs, 100 * kMillisecondNs, 10 * kMillisecondNs,
                                    kMillisecondNs};
constexpr int64_t kSkewGrainNs = 100 * static_cast<int64_t>(kMillisecondNs);

// Smaller values worth trying for a number, smallest first: the floor, then
// fractions of the way down, then one `step` less.
template <typename T>
std::vector<T> smaller_values(T current, T floor, T step) {
  DT_ASSERT(step > 0, "a positive step");
  std::vector<T> out;
  if (current <= floor) return out;
  const T span = current - floor;
  const T one_step_down = span > step ? static_cast<T>(current - step) : floor;
  for (T candidate :
       {floor, static_cast<T>(floor + span / 8), static_cast<T>(floor + span / 4),
        static_cast<T>(floor + span / 2), static_cast<T>(floor + span * 3 / 4), one_step_down}) {
    if (candidate < current && (out.empty() || out.back() < candidate)) out.push_back(candidate);
  }
  DT_ASSERT(!out.empty() && out.front() == floor, "the floor is tried first");
  return out;
}

void sort_events(Schedule& s) {
  std::stable_sort(
      s.events.begin(), s.events.end(),
      [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at_ns < b.at_ns; });
}

class Minimizer {
 public:
  Minimizer(const Schedule& failing, const FailureSignature& signature,
            const MinimizeOptions& options)
      : best_(failing), signature_(signature), options_(options) {}

  MinimizeResult run();

 private:
  // Runs the candidate if it validates, differs and the budget allows; keeps
  // it as the new best when it still fails the same way.
  bool try_candidate(const Schedule& candidate);
  bool reduce_events();
  bool reduce_workload();
  bool simplify_times();
  bool simplify_values();
  bool simplify_config();
  bool simplify_event(size_t index);
  // Tries smaller values of one number (set through `with`), keeps the smallest that fails.
  template <typename T>
  bool shrink(T current, T floor, T step, const std::function<void(Schedule&, T)>& with);

  Schedule best_;
  FailureSignature signature_;
  MinimizeOptions options_;
  RunVerdict best_verdict_;
  uint64_t runs_ = 0;
  bool exhausted_ = false;
};

bool Minimizer::try_candidate(const Schedule& candidate) {
  if (candidate == best_ || !check_schedule_runnable(candidate).is_ok()) return false;
  if (runs_ >= options_.max_runs) {
    exhausted_ = true;
    return false;
  }
  ++runs_;
  RunVerdict verdict = run_and_check(candidate, options_.primary, options_.shadow);
  if (!shows_failure(verdict.run, verdict.report, signature_)) return false;
  best_ = candidate;
  best_verdict_ = std::move(verdict);
  DT_ASSERT(check_schedule_runnable(best_).is_ok(), "the kept schedule is runnable");
  return true;
}

bool Minimizer::reduce_events() {
  const Schedule base = best_;
  if (base.events.empty()) return false;
  const std::vector<size_t> kept = ddmin(base.events.size(), [&](const std::vector<size_t>& keep) {
    Schedule candidate = base;
    candidate.events.clear();
    for (size_t i : keep) candidate.events.push_back(base.events[i]);
    return try_candidate(candidate);
  });
  DT_ASSERT(kept.size() <= base.events.size(), "ddmin keeps a subset");
  return best_.events.size() < base.events.size();
}

template <typename T>
bool Minimizer::shrink(T current, T floor, T step, const std::function<void(Schedule&, T)>& with) {
  bool changed = false;
  // Each success lowers `current`; the bound keeps one-step descents short.
  for (int iteration = 0; iteration < kMaxShrinkSteps && !exhausted_; ++iteration) {
    bool progress = false;
    for (T value : smaller_values(current, floor, step)) {
      Schedule candidate = best_;
      with(candidate, value);
      if (try_candidate(candidate)) {
        DT_ASSERT(value < current, "shrinking lowers the value");
        current = value;
        progress = changed = true;
        break;
      }
    }
    if (!progress) break;
  }
  return changed;
}

bool Minimizer::reduce_workload() {
  using S = Schedule;
  const Workload w = best_.workload;
  const TimeNs ms = kMillisecondNs;
  bool changed = false;
  changed |= shrink<uint32_t>(w.ops, 0, 1, [](S& s, uint32_t v) { s.workload.ops = v; });
  changed |= shrink<uint32_t>(w.clients, 1, 1, [](S& s, uint32_t v) { s.workload.clients = v; });
  changed |= shrink<uint32_t>(w.keys, 1, 1, [](S& s, uint32_t v) { s.workload.keys = v; });
  // Events must stay inside the safety phase, so the duration stops after the last one.
  const TimeNs last_ns = best_.events.empty() ? 0 : best_.events.back().at_ns;
  changed |= shrink<TimeNs>(w.duration_ns, std::max<TimeNs>(last_ns + 1, ms), 10 * ms,
                            [](S& s, TimeNs v) { s.workload.duration_ns = v; });
  changed |= shrink<uint32_t>(w.delete_weight, 0, 1,
                              [](S& s, uint32_t v) { s.workload.delete_weight = v; });
  changed |=
      shrink<uint32_t>(w.add_weight, 0, 1, [](S& s, uint32_t v) { s.workload.add_weight = v; });
  changed |= shrink<TimeNs>(w.think_max_ns, w.think_min_ns, ms,
                            [](S& s, TimeNs v) { s.workload.think_max_ns = v; });
  if (best_.workload.final_reads) {
    Schedule candidate = best_;
    candidate.workload.final_reads = false;
    changed |= try_candidate(candidate);
  }
  return changed;
}

bool Minimizer::simplify_times() {
  bool changed = false;
  for (size_t i = 0; i < best_.events.size() && !exhausted_; ++i) {
    for (TimeNs grain_ns : kTimeGrainsNs) {
      Schedule candidate = best_;
      ScheduleEvent& e = candidate.events[i];
      e.at_ns = e.at_ns / grain_ns * grain_ns;
      if (e.at_ns == best_.events[i].at_ns) break;  // finer grains change nothing either
      sort_events(candidate);
      if (try_candidate(candidate)) {
        changed = true;
        break;
      }
    }
  }
  DT_ASSERT(std::is_sorted(
                best_.events.begin(), best_.events.end(),
                [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at_ns < b.at_ns; }),
            "events stay sorted");
  return changed;
}

bool Minimizer::simplify_event(size_t index) {
  DT_ASSERT(index < best_.events.size(), "event index in range");
  std::vector<std::function<void(ScheduleEvent&)>> edits;
  switch (best_.events[index].kind) {
    case EventKind::link:
      edits.push_back([](ScheduleEvent& e) {  // a clean cut is the plainest link fault
        e.drop_ppm = kPpm;
        e.duplicate_ppm = 0;
        e.delay_min_ns = e.delay_max_ns = 0;
      });
      edits.push_back([](ScheduleEvent& e) { e.duplicate_ppm = 0; });
      edits.push_back([](ScheduleEvent& e) { e.delay_min_ns = e.delay_max_ns = 0; });
      edits.push_back([](ScheduleEvent& e) { e.drop_ppm = 0; });
      break;
    case EventKind::clock_skew:
      edits.push_back(
          [](ScheduleEvent& e) { e.skew_ns = e.skew_ns / kSkewGrainNs * kSkewGrainNs; });
      break;
    case EventKind::put:
    case EventKind::add:
      edits.push_back([](ScheduleEvent& e) { e.value = 1; });
      edits.push_back([](ScheduleEvent& e) { e.coordinator = kNoNode; });
      break;
    case EventKind::get:
    case EventKind::del:
      edits.push_back([](ScheduleEvent& e) { e.coordinator = kNoNode; });
      break;
    default:
      break;
  }
  bool changed = false;
  for (const auto& edit : edits) {
    Schedule candidate = best_;
    edit(candidate.events[index]);
    changed |= try_candidate(candidate);
  }
  return changed;
}

// Plainer configs read more easily: default versioning and hint store, a
// shallow tree, fewer partitions and nodes (candidates naming a node that no
// longer exists do not validate and are skipped).
bool Minimizer::simplify_config() {
  const Config plain;
  std::vector<std::function<void(Config&)>> edits = {
      [&](Config& c) { c.versioning = plain.versioning; },
      [&](Config& c) { c.hint_store = plain.hint_store; },
      [&](Config& c) { c.merkle_depth = std::min(c.merkle_depth, plain.merkle_depth); },
      [](Config& c) { c.partitions_q = std::min<uint32_t>(c.partitions_q, 8); },
  };
  for (uint32_t nodes = 3; nodes < best_.config.nodes; ++nodes) {
    edits.push_back([nodes](Config& c) {
      c.nodes = nodes;
      c.replicas_n = std::min(c.replicas_n, nodes);
      c.read_quorum_r = std::min(c.read_quorum_r, c.replicas_n);
      c.write_quorum_w = std::min(c.write_quorum_w, c.replicas_n);
    });
  }
  bool changed = false;
  for (const auto& edit : edits) {
    if (exhausted_) break;
    Schedule candidate = best_;
    edit(candidate.config);
    changed |= try_candidate(candidate);
  }
  DT_ASSERT(best_.config.validate().is_ok(), "the kept config validates");
  return changed;
}

bool Minimizer::simplify_values() {
  bool changed = false;
  for (size_t i = 0; i < best_.events.size() && !exhausted_; ++i) changed |= simplify_event(i);
  return changed;
}

MinimizeResult Minimizer::run() {
  DT_ASSERT(options_.primary != nullptr, "minimize needs a primary node factory");
  MinimizeResult result;
  result.stats.events_before = best_.events.size();
  result.stats.ops_before = best_.workload.ops;
  best_verdict_ = run_and_check(best_, options_.primary, options_.shadow);
  DT_ASSERT(shows_failure(best_verdict_.run, best_verdict_.report, signature_),
            "minimize: the schedule does not fail with " + signature_.describe());
  for (int round = 0; round < kMaxRounds && !exhausted_; ++round) {
    bool changed = reduce_events();
    changed |= reduce_workload();
    changed |= simplify_times();
    changed |= simplify_values();
    changed |= simplify_config();
    if (!changed) break;
  }
  result.stats.events_after = best_.events.size();
  result.stats.ops_after = best_.workload.ops;
  result.stats.runs = runs_;
  result.stats.budget_exhausted = exhausted_;
  result.schedule = best_;
  result.verdict = std::move(best_verdict_);
  return result;
}

}  // namespace

MinimizeResult minimize_schedule(const Schedule& failing, const FailureSignature& signature,
                                 const MinimizeOptions& options) {
  DT_ASSERT(check_schedule_runnable(failing).is_ok(), "minimize needs a runnable schedule");
  DT_ASSERT(!signature.property.empty(), "minimize needs a failure signature");
  return Minimizer(failing, signature, options).run();
}

}  // namespace dt
