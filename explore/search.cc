#include "explore/search.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/assert.h"
#include "explore/fingerprint.h"
#include "explore/visited_set.h"
#include "explore/world.h"

namespace dt {

namespace {

// The path to a state, shared by its descendants.
struct PathLink {
  std::shared_ptr<const PathLink> parent;
  Choice choice;
};
using Path = std::shared_ptr<const PathLink>;

struct SleepItem {
  uint64_t key = 0;
  Footprint footprint;
};
using SleepSet = std::vector<SleepItem>;

struct Entry {
  World world;
  Path path;
  SleepSet sleep;
  uint32_t depth = 0;
  // A state met again with a smaller sleep set (with sleep sets): expand
  // only these steps, the ones its first expansion slept on and this path
  // does not. Its path end was checked at the first visit.
  std::optional<std::vector<uint64_t>> only;
};

// A successor without its world: worlds are rebuilt (parent + choice) only
// for the successors that turn out new, so duplicates never hold memory.
struct Successor {
  uint64_t fingerprint = 0;
  Choice choice;
  SleepSet sleep;
};

struct Expansion {
  std::vector<Successor> successors;
  std::optional<PathVerdict> verdict;  // the path ended here and was checked
  uint64_t transitions = 0, sleep_skipped = 0;
  std::array<bool, kChoiceKindCount> enabled{};
  BoundHits hits;
};

bool asleep(const SleepSet& sleep, uint64_t key) {
  return std::any_of(sleep.begin(), sleep.end(), [&](const SleepItem& s) { return s.key == key; });
}

void note_budget_hits(const World& w, const ExploreBounds& b, BoundHits& hits) {
  bool any_up = false;
  for (const ExploreNode& n : w.nodes) {
    any_up = any_up || n.up;
    if (n.periodic_fired >= b.timer_firings_per_node) hits.timer_firings = true;
  }
  if (!w.in_flight.empty() && w.left.lost == 0) hits.lost = true;
  if (!w.in_flight.empty() && w.left.duplicates == 0) hits.duplicates = true;
  if (any_up && w.left.crashes == 0) hits.crashes = true;
  if (w.left.wipes == 0) hits.wipes = true;
  if (w.groups.empty() && w.left.partitions == 0 && w.nodes.size() > 1) hits.partitions = true;
}

Expansion expand(const Entry& entry, const ExploreSetup& setup, const SearchOptions& options) {
  Expansion out;
  const World& world = entry.world;
  const bool revisit = entry.only.has_value();
  if (!revisit && (world.divergence || world.clients_done())) {
    out.verdict = finish_path(World(world), PathDetail::verdict_only);
    // A counterexample keeps everything: its digest and every property's report.
    if (out.verdict->failed()) out.verdict = finish_path(World(world));
  }
  const std::vector<Choice> choices = world.enabled();
  if (!revisit) {
    for (const Choice& c : choices) out.enabled[static_cast<size_t>(c.kind)] = true;
  }
  note_budget_hits(world, setup.bounds, out.hits);
  if (entry.depth >= setup.bounds.max_depth) {
    out.hits.depth = !choices.empty();
    return out;
  }
  SleepSet done_here;  // steps already taken from this state
  for (const Choice& choice : choices) {
    if (revisit && std::find(entry.only->begin(), entry.only->end(), choice.key) ==
                       entry.only->end()) {
      continue;  // taken at the first visit
    }
    if (options.sleep_sets && asleep(entry.sleep, choice.key)) {
      ++out.sleep_skipped;
      continue;
    }
    World stepped(world);
    const StepOutcome outcome = stepped.apply(choice);
    ++out.transitions;
    Successor next{fingerprint(stepped, options.identity), choice, {}};
    if (options.sleep_sets) {
      for (const SleepSet* set : {&entry.sleep, static_cast<const SleepSet*>(&done_here)}) {
        for (const SleepItem& s : *set) {
          if (independent(s.footprint, outcome.footprint)) next.sleep.push_back(s);
        }
      }
      done_here.push_back(SleepItem{choice.key, outcome.footprint});
    }
    out.successors.push_back(std::move(next));
  }
  return out;
}

// The successor's state: the parent's world with the choice applied again
// (deterministic, so the same state the fingerprint was taken of).
Entry materialize(const Entry& parent, Successor&& succ) {
  Entry out{World(parent.world),
            std::make_shared<const PathLink>(PathLink{parent.path, std::move(succ.choice)}),
            std::move(succ.sleep), parent.depth + 1, std::nullopt};
  out.world.apply(out.path->choice);
  return out;
}

std::vector<Choice> choices_of(const Path& path) {
  std::vector<Choice> out;
  for (const PathLink* link = path.get(); link != nullptr; link = link->parent.get()) {
    out.push_back(link->choice);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

void merge_hits(BoundHits& into, const BoundHits& from) {
  into.depth |= from.depth, into.states |= from.states;
  into.timer_firings |= from.timer_firings, into.crashes |= from.crashes;
  into.wipes |= from.wipes, into.partitions |= from.partitions;
  into.lost |= from.lost, into.duplicates |= from.duplicates;
  into.memory |= from.memory, into.time |= from.time;
}

// Runs body(0..n-1) on `jobs` threads; each index writes only its own slot,
// so the result does not depend on the number of threads.
void parallel_for(size_t n, uint32_t jobs, const std::function<void(size_t)>& body) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) body(i);
  };
  jobs = std::max<uint32_t>(1, std::min<uint32_t>(jobs, 64));
  if (jobs == 1 || n < 2) return work();
  std::vector<std::thread> threads;
  for (uint32_t j = 0; j < jobs; ++j) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();
}

std::vector<Expansion> expand_all(const std::vector<Entry>& entries, const ExploreSetup& setup,
                                  const SearchOptions& options) {
  std::vector<Expansion> results(entries.size());
  parallel_for(entries.size(), options.jobs,
               [&](size_t i) { results[i] = expand(entries[i], setup, options); });
  return results;
}

class Searcher {
 public:
  Searcher(const ExploreSetup& setup, const SearchOptions& options)
      : setup_(setup), options_(options), start_(std::chrono::steady_clock::now()) {}

  ExploreResult run() {
    Entry root{World(setup_), nullptr, {}, 0, std::nullopt};
    visited_.insert(fingerprint(root.world, options_.identity));
    if (options_.order == SearchOrder::bfs) {
      bfs(std::move(root));
    } else {
      dfs(std::move(root));
    }
    result_.stats.states = visited_.size();
    result_.stats.visited_bytes = visited_.bytes();
    result_.stats.seconds = elapsed_s();
    result_.stats.peak_rss_bytes = std::max(result_.stats.peak_rss_bytes, current_rss_bytes());
    return std::move(result_);
  }

 private:
  double elapsed_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool state_bound_reached() {
    const bool hit = setup_.bounds.max_states != 0 && visited_.size() >= setup_.bounds.max_states;
    result_.stats.hits.states |= hit;
    return hit;
  }
  // Memory and time, checked every 1024 new states: reading /proc is not free.
  bool resource_bound_reached() {
    if ((visited_.size() & 1023) != 0) return false;
    if (options_.max_seconds > 0 && elapsed_s() > options_.max_seconds) {
      result_.stats.hits.time = true;
      return true;
    }
    if (options_.max_memory_bytes == 0) return false;
    const uint64_t rss = current_rss_bytes();
    result_.stats.peak_rss_bytes = std::max(result_.stats.peak_rss_bytes, rss);
    result_.stats.hits.memory |= rss > options_.max_memory_bytes;
    return rss > options_.max_memory_bytes;
  }

  // Building the next level would pass the memory bound (each of its states
  // costs about what one of this level's does) or the time is up.
  bool next_level_too_big(size_t this_level, size_t next_level) {
    if (options_.max_seconds > 0 && elapsed_s() > options_.max_seconds) {
      result_.stats.hits.time = true;
      return true;
    }
    if (options_.max_memory_bytes == 0 || this_level == 0) return false;
    const uint64_t rss = current_rss_bytes();
    result_.stats.peak_rss_bytes = std::max(result_.stats.peak_rss_bytes, rss);
    const uint64_t projected = rss + rss / this_level * next_level;
    result_.stats.hits.memory |= projected > options_.max_memory_bytes;
    return projected > options_.max_memory_bytes;
  }

  // Folds one expansion into the stats; true when the search should stop.
  bool account(const Entry& entry, Expansion& e) {
    ExploreStats& s = result_.stats;
    s.transitions += e.transitions;
    s.sleep_skipped += e.sleep_skipped;
    s.max_depth = std::max(s.max_depth, entry.depth);
    for (size_t k = 0; k < kChoiceKindCount; ++k) s.enabled[k] += e.enabled[k] ? 1 : 0;
    for (const Successor& succ : e.successors) ++s.taken[static_cast<size_t>(succ.choice.kind)];
    merge_hits(s.hits, e.hits);
    if (!e.verdict) return false;
    ++s.histories_checked;
    if (!e.verdict->failed()) return false;
    ++s.failing_paths;
    if (!result_.counterexample) {
      result_.counterexample = Counterexample{choices_of(entry.path), std::move(*e.verdict)};
    }
    return options_.stop_at_first;
  }

  void report_progress(uint32_t depth, uint64_t frontier, bool force) {
    if (!options_.progress) return;
    const double now = elapsed_s();
    if (!force && now - last_progress_s_ < options_.progress_interval_s) return;
    last_progress_s_ = now;
    const uint64_t rss = current_rss_bytes();
    result_.stats.peak_rss_bytes = std::max(result_.stats.peak_rss_bytes, rss);
    options_.progress(
        ExploreProgress{visited_.size(), result_.stats.transitions, depth, frontier, now, rss});
  }

  void bfs(Entry root) {
    std::vector<Entry> level;
    level.push_back(std::move(root));
    for (uint32_t depth = 0; !level.empty(); ++depth) {
      report_progress(depth, level.size(), depth == 0);
      std::vector<Expansion> expansions = expand_all(level, setup_, options_);
      struct Pick {
        size_t parent;
        Successor successor;
        std::optional<std::vector<uint64_t>> only;  // a revisit: the woken steps
      };
      std::vector<Pick> picks;
      std::map<uint64_t, size_t> pick_index;  // fingerprint -> position of its first pick
      bool stop = false;
      for (size_t i = 0; i < level.size(); ++i) {
        stop = account(level[i], expansions[i]) || stop;
        for (Successor& succ : expansions[i].successors) {
          if (stop) break;
          if (visited_.insert(succ.fingerprint)) {
            if (options_.sleep_sets) slept_.emplace(succ.fingerprint, keys_of(succ.sleep));
            pick_index.emplace(succ.fingerprint, picks.size());
            picks.push_back(Pick{i, std::move(succ), std::nullopt});
            if (state_bound_reached() || resource_bound_reached()) stop = true;
            continue;
          }
          if (!options_.sleep_sets) continue;
          auto it = pick_index.find(succ.fingerprint);
          if (it != pick_index.end()) {
            // Met twice in one level: only steps asleep on both paths may be skipped.
            SleepSet& kept = picks[it->second].successor.sleep;
            std::erase_if(kept, [&](const SleepItem& s) { return !asleep(succ.sleep, s.key); });
            slept_[succ.fingerprint] = keys_of(kept);
            continue;
          }
          // Expanded at an earlier level: take now what this path wakes.
          std::optional<std::vector<uint64_t>> wake = woken(succ);
          if (wake) picks.push_back(Pick{i, std::move(succ), std::move(wake)});
        }
        expansions[i].successors.clear();
      }
      if (stop || next_level_too_big(level.size(), picks.size())) {
        report_progress(depth, picks.size(), true);
        return;
      }
      std::vector<std::optional<Entry>> built(picks.size());
      parallel_for(picks.size(), options_.jobs, [&](size_t k) {
        built[k].emplace(materialize(level[picks[k].parent], std::move(picks[k].successor)));
        built[k]->only = std::move(picks[k].only);
      });
      level.clear();
      level.reserve(built.size());
      for (std::optional<Entry>& e : built) level.push_back(std::move(*e));
    }
  }

  void dfs(Entry root) {
    std::vector<Entry> stack;
    stack.push_back(std::move(root));
    while (!stack.empty()) {
      Entry entry = std::move(stack.back());
      stack.pop_back();
      Expansion e = expand(entry, setup_, options_);
      if (account(entry, e)) return;
      report_progress(entry.depth, stack.size(), false);
      // Reverse, so the first enabled step is explored first.
      for (auto it = e.successors.rbegin(); it != e.successors.rend(); ++it) {
        if (!visited_.insert(it->fingerprint)) {
          if (options_.sleep_sets) revisit(entry, std::move(*it), stack);
          continue;
        }
        if (options_.sleep_sets) slept_.emplace(it->fingerprint, keys_of(it->sleep));
        stack.push_back(materialize(entry, std::move(*it)));
        if (state_bound_reached() || resource_bound_reached()) return;
      }
    }
  }

  static std::vector<uint64_t> keys_of(const SleepSet& sleep) {
    std::vector<uint64_t> keys;
    for (const SleepItem& item : sleep) keys.push_back(item.key);
    return keys;
  }

  // Sleep sets with state caching: a state met again may be expanded with a
  // smaller sleep set than the first time. The steps slept on then but not
  // now are taken now (from this path, with its sleep set), and the state
  // keeps only what every path that met it slept on; without this, sleep
  // sets with a visited set can lose states (docs/explore.md). Returns the
  // steps to take, or nothing.
  std::optional<std::vector<uint64_t>> woken(const Successor& succ) {
    auto it = slept_.find(succ.fingerprint);
    if (it == slept_.end()) return std::nullopt;  // the root: never slept
    std::vector<uint64_t> wake;
    std::vector<uint64_t>& slept = it->second;
    for (uint64_t key : slept) {
      if (!asleep(succ.sleep, key)) wake.push_back(key);
    }
    if (wake.empty()) return std::nullopt;
    std::erase_if(slept, [&](uint64_t key) { return !asleep(succ.sleep, key); });
    ++result_.stats.sleep_revisits;
    return wake;
  }

  void revisit(const Entry& parent, Successor&& succ, std::vector<Entry>& stack) {
    std::optional<std::vector<uint64_t>> wake = woken(succ);
    if (!wake) return;
    Entry again = materialize(parent, std::move(succ));
    again.only = std::move(wake);
    stack.push_back(std::move(again));
  }

  const ExploreSetup& setup_;
  const SearchOptions& options_;
  const std::chrono::steady_clock::time_point start_;
  double last_progress_s_ = 0;
  VisitedSet visited_;
  // With sleep sets: each visited state's steps slept on by every path that
  // met it so far (keys).
  std::unordered_map<uint64_t, std::vector<uint64_t>> slept_;
  ExploreResult result_;
};

}  // namespace

std::vector<std::string> BoundHits::names() const {
  std::vector<std::string> out;
  const std::pair<bool, const char*> flags[] = {
      {depth, "depth"},        {states, "max-states"},     {timer_firings, "timer-firings"},
      {crashes, "crashes"},    {wipes, "wipes"},           {partitions, "partitions"},
      {lost, "lost-messages"}, {duplicates, "duplicates"}, {memory, "max-memory"},
      {time, "max-time"}};
  for (const auto& [hit, name] : flags) {
    if (hit) out.emplace_back(name);
  }
  return out;
}

bool ExploreResult::exhaustive() const {
  return !stats.hits.depth && !stats.hits.states && !stats.hits.memory && !stats.hits.time;
}

uint64_t current_rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

ExploreResult explore(const ExploreSetup& setup, const SearchOptions& options) {
  DT_ASSERT(setup.bounds.validate(setup.config).is_ok(), "explore: invalid bounds");
  DT_ASSERT(options.jobs >= 1, "explore: jobs >= 1");
  return Searcher(setup, options).run();
}

}  // namespace dt
