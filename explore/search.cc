#include "explore/search.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/assert.h"
#include "explore/fingerprint.h"
#include "explore/shared_states.h"
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
  // DFS keeps the stepped world (a few per expansion, dropped with the
  // duplicates) instead of stepping the parent again. A pointer: BFS holds a
  // level's successors, and an empty optional<World> costs a World's size.
  std::unique_ptr<World> world;
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
    Successor next{fingerprint(stepped, options.identity), choice, {}, nullptr};
    if (options.order == SearchOrder::dfs) next.world = std::make_unique<World>(std::move(stepped));
    if (options.sleep_sets) {
      for (const SleepSet* set : {&entry.sleep, static_cast<const SleepSet*>(&done_here)}) {
        for (const SleepItem& s : *set) {
          if (independent(s.footprint, outcome.footprint, options.identity.exact_order)) {
            next.sleep.push_back(s);
          }
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
  const bool stepped = succ.world != nullptr;
  Entry out{stepped ? std::move(*succ.world) : World(parent.world),
            std::make_shared<const PathLink>(PathLink{parent.path, std::move(succ.choice)}),
            std::move(succ.sleep), parent.depth + 1, std::nullopt};
  if (!stepped) out.world.apply(out.path->choice);
  return out;
}

// The steps of a path with their readable lines, replayed from the start
// (enabled() leaves the lines out; only a counterexample's are read).
std::vector<Choice> with_texts(const ExploreSetup& setup, std::vector<Choice> steps) {
  World world(setup);
  for (Choice& step : steps) {
    step.text = world.step_text(step);
    world.apply(step);
  }
  return steps;
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

// Runs body(begin, end) over consecutive chunks of 0..n-1 on `jobs` threads
// (chunks keep neighbours together, as compact BFS's replay wants).
void parallel_chunks(size_t n, uint32_t jobs, const std::function<void(size_t, size_t)>& body) {
  constexpr size_t kChunk = 256;
  const size_t chunks = (n + kChunk - 1) / kChunk;
  parallel_for(chunks, jobs,
               [&](size_t c) { body(c * kChunk, std::min(n, (c + 1) * kChunk)); });
}

// A step without its readable text (rebuilt for a counterexample only).
struct CompactStep {
  ChoiceKind kind = ChoiceKind::deliver;
  uint32_t index = 0;
  NodeId node = kNoNode;
  uint64_t key = 0;
  explicit CompactStep(const Choice& c) : kind(c.kind), index(c.index), node(c.node), key(c.key) {}
  CompactStep() = default;
  Choice choice() const { return Choice{kind, index, node, key, {}}; }
};

// A state of compact BFS: the step from its parent (an index into the level
// above; unused at the root) and, until it is expanded, its sleep set.
struct CompactState {
  uint32_t parent = 0;
  CompactStep step;
  SleepSet sleep;
  std::optional<std::vector<uint64_t>> only;  // a revisit: the woken steps
};
using CompactLevels = std::vector<std::vector<CompactState>>;

// Rebuilds compact BFS states' worlds by replaying their steps from the
// root, keeping the last rebuilt state of each level: consecutive states
// mostly share their ancestors, so each is rebuilt once per run of them.
class Replayer {
 public:
  Replayer(const ExploreSetup& setup, const CompactLevels& levels)
      : setup_(setup), levels_(levels), cache_(levels.size()) {}

  // The world of `state`, a state at `depth` (its parent at depth - 1).
  World world_of_child(uint32_t depth, const CompactState& state) {
    if (depth == 0) return World(setup_);
    World world(world_of(depth - 1, state.parent));
    world.apply(state.step.choice());
    return world;
  }

 private:
  const World& world_of(uint32_t depth, uint32_t index) {
    DT_ASSERT(depth < cache_.size() && index < levels_[depth].size(), "no such compact state");
    std::optional<std::pair<uint32_t, World>>& kept = cache_[depth];
    if (!kept || kept->first != index) {
      kept.emplace(index, world_of_child(depth, levels_[depth][index]));
    }
    return kept->second;
  }

  const ExploreSetup& setup_;
  const CompactLevels& levels_;
  std::vector<std::optional<std::pair<uint32_t, World>>> cache_;  // per depth
};

// The steps from the root to state `index` at `depth`, with their texts
// (replayed: each step is the enabled choice with its key).
std::vector<Choice> compact_choices(const ExploreSetup& setup, const CompactLevels& levels,
                                    uint32_t depth, size_t index) {
  std::vector<CompactStep> steps;
  for (uint32_t d = depth; d > 0; --d) {
    const CompactState& state = levels[d][index];
    steps.push_back(state.step);
    index = state.parent;
  }
  std::reverse(steps.begin(), steps.end());
  std::vector<Choice> out;
  World world(setup);
  for (const CompactStep& step : steps) {
    const std::vector<Choice> enabled = world.enabled();
    const auto it = std::find_if(enabled.begin(), enabled.end(),
                                 [&](const Choice& c) { return c.key == step.key; });
    DT_ASSERT(it != enabled.end() && it->index == step.index && it->kind == step.kind,
              "a compact path's step is not enabled on replay");
    out.push_back(*it);
    world.apply(*it);
  }
  return out;
}

// What one thread of a search counted; merged into the result at the end.
struct Tally {
  ExploreStats stats;
  std::optional<Counterexample> counterexample;
  uint64_t new_states = 0;  // states this thread met first (paces the resource checks)
};

void merge_tally(ExploreStats& into, const ExploreStats& from) {
  into.transitions += from.transitions;
  into.sleep_skipped += from.sleep_skipped;
  into.sleep_revisits += from.sleep_revisits;
  into.max_depth = std::max(into.max_depth, from.max_depth);
  into.histories_checked += from.histories_checked;
  into.failing_paths += from.failing_paths;
  for (size_t k = 0; k < kChoiceKindCount; ++k) {
    into.enabled[k] += from.enabled[k];
    into.taken[k] += from.taken[k];
  }
  merge_hits(into.hits, from.hits);
  into.peak_rss_bytes = std::max(into.peak_rss_bytes, from.peak_rss_bytes);
}

// Entries waiting for a DFS worker. A worker whose stack runs dry waits here;
// busy workers hand over the bottom of their stacks (the shallowest entries,
// with the largest subtrees) while anyone waits. The search is over when
// every worker waits and nothing is left, or when it is stopped.
class WorkPool {
 public:
  explicit WorkPool(uint32_t workers) : workers_(workers) {}

  // Blocks until an entry is free, or the search is over (nothing).
  std::optional<Entry> take() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    update_hungry();
    while (entries_.empty() && !over_) {
      if (waiting_ == workers_) {
        over_ = true;
        changed_.notify_all();
        break;
      }
      changed_.wait(lock);
    }
    --waiting_;
    if (over_ || entries_.empty()) return std::nullopt;
    std::optional<Entry> out(std::move(entries_.back()));
    entries_.pop_back();
    update_hungry();
    return out;
  }
  // Someone waits for work (a hint: read without the lock).
  bool hungry() const { return hungry_.load(std::memory_order_relaxed); }
  void give(Entry&& entry) {
    const std::lock_guard lock(mutex_);
    entries_.push_back(std::move(entry));
    update_hungry();
    changed_.notify_one();
  }
  void stop() {
    const std::lock_guard lock(mutex_);
    over_ = true;
    changed_.notify_all();
  }
  bool over() const { return over_.load(std::memory_order_relaxed); }

 private:
  // REQUIRES: mutex_ held.
  void update_hungry() {
    hungry_.store(waiting_ > entries_.size(), std::memory_order_relaxed);
  }

  const uint32_t workers_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Entry> entries_;
  uint32_t waiting_ = 0;
  std::atomic<bool> over_{false};  // written under mutex_, read without it
  std::atomic<bool> hungry_{false};
};

class Searcher {
 public:
  Searcher(const ExploreSetup& setup, const SearchOptions& options)
      : setup_(setup), options_(options), start_(std::chrono::steady_clock::now()) {}

  ExploreResult run() {
    Entry root{World(setup_), nullptr, {}, 0, std::nullopt};
    states_.insert(fingerprint(root.world, options_.identity), nullptr);
    if (options_.order == SearchOrder::bfs && options_.compact_frontier) {
      bfs_compact();
    } else if (options_.order == SearchOrder::bfs) {
      bfs(std::move(root));
    } else {
      dfs(std::move(root));
    }
    result_.stats.states = states_.size();
    result_.stats.visited_bytes = states_.bytes();
    result_.stats.seconds = elapsed_s();
    result_.stats.peak_rss_bytes = std::max(result_.stats.peak_rss_bytes, current_rss_bytes());
    return std::move(result_);
  }

 private:
  double elapsed_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool state_bound_reached(BoundHits& hits) const {
    const bool hit = setup_.bounds.max_states != 0 && states_.size() >= setup_.bounds.max_states;
    hits.states |= hit;
    return hit;
  }
  // Memory and time, checked every 1024 states a thread meets first:
  // reading /proc is not free.
  bool resource_bound_reached(Tally& tally) const {
    if ((++tally.new_states & 1023) != 0) return false;
    ExploreStats& stats = tally.stats;
    if (options_.max_seconds > 0 && elapsed_s() > options_.max_seconds) {
      stats.hits.time = true;
      return true;
    }
    if (options_.max_memory_bytes == 0) return false;
    const uint64_t rss = current_rss_bytes();
    stats.peak_rss_bytes = std::max(stats.peak_rss_bytes, rss);
    stats.hits.memory |= rss > options_.max_memory_bytes;
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

  // Folds one expansion into a tally; true when the search should stop.
  bool account(const Entry& entry, Expansion& e, Tally& tally) {
    return account(entry.depth, e, tally, [&] { return choices_of(entry.path); });
  }
  // The same for a state at `depth` whose steps from the root `choices` gives
  // (asked only for a counterexample).
  template <class PathChoices>
  bool account(uint32_t depth, Expansion& e, Tally& tally, const PathChoices& choices) {
    ExploreStats& s = tally.stats;
    s.transitions += e.transitions;
    transitions_.fetch_add(e.transitions, std::memory_order_relaxed);
    s.sleep_skipped += e.sleep_skipped;
    s.max_depth = std::max(s.max_depth, depth);
    for (size_t k = 0; k < kChoiceKindCount; ++k) s.enabled[k] += e.enabled[k] ? 1 : 0;
    for (const Successor& succ : e.successors) ++s.taken[static_cast<size_t>(succ.choice.kind)];
    merge_hits(s.hits, e.hits);
    if (!e.verdict) return false;
    ++s.histories_checked;
    if (!e.verdict->failed()) return false;
    ++s.failing_paths;
    if (!tally.counterexample) {
      tally.counterexample = Counterexample{with_texts(setup_, choices()), std::move(*e.verdict)};
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
    options_.progress(ExploreProgress{states_.size(), transitions_.load(std::memory_order_relaxed),
                                      depth, frontier, now, rss});
  }

  // A new state of the next level: its parent's index in this level and
  // the successor that leads there.
  struct Pick {
    size_t parent;
    Successor successor;
    std::optional<std::vector<uint64_t>> only;  // a revisit: the woken steps
  };

  // Folds a level's expansions, in the level's order, into the tally and
  // picks the next level's states. Fed in batches (compact BFS) or at once.
  class LevelPicker {
   public:
    explicit LevelPicker(Searcher& search) : search_(search) {}
    // Expansions of states first..first+size-1 of this level; sets `stop`
    // when the search should end. `choices_of_state(i)` gives the steps to
    // state i of this level (asked for a counterexample only).
    template <class ChoicesOf>
    void add(std::vector<Expansion>& expansions, size_t first, uint32_t depth,
             const ChoicesOf& choices_of_state, bool& stop) {
      Searcher& s = search_;
      Tally& tally = s.bfs_tally_;
      for (size_t k = 0; k < expansions.size(); ++k) {
        const size_t i = first + k;
        stop = s.account(depth, expansions[k], tally, [&] { return choices_of_state(i); }) || stop;
        for (Successor& succ : expansions[k].successors) {
          if (stop) break;
          add_successor(i, succ, tally, stop);
        }
        expansions[k].successors.clear();
      }
    }
    std::vector<Pick>& picks() { return picks_; }

   private:
    void add_successor(size_t parent, Successor& succ, Tally& tally, bool& stop) {
      Searcher& s = search_;
      const bool sleep_sets = s.options_.sleep_sets;
      const std::vector<uint64_t> slept = sleep_sets ? keys_of(succ.sleep) : std::vector<uint64_t>{};
      if (s.states_.insert(succ.fingerprint, sleep_sets ? &slept : nullptr)) {
        pick_index_.emplace(succ.fingerprint, picks_.size());
        picks_.push_back(Pick{parent, std::move(succ), std::nullopt});
        if (s.state_bound_reached(tally.stats.hits) || s.resource_bound_reached(tally)) stop = true;
        return;
      }
      if (!sleep_sets) return;
      auto it = pick_index_.find(succ.fingerprint);
      if (it != pick_index_.end()) {
        // Met twice in one level: only steps asleep on both paths may be skipped.
        SleepSet& kept = picks_[it->second].successor.sleep;
        std::erase_if(kept, [&](const SleepItem& item) { return !asleep(succ.sleep, item.key); });
        s.states_.set_slept(succ.fingerprint, keys_of(kept));
        return;
      }
      // Expanded at an earlier level: take now what this path wakes.
      std::optional<std::vector<uint64_t>> wake = s.states_.wake(succ.fingerprint, slept);
      if (!wake) return;
      ++tally.stats.sleep_revisits;
      picks_.push_back(Pick{parent, std::move(succ), std::move(wake)});
    }

    Searcher& search_;
    std::vector<Pick> picks_;
    std::unordered_map<uint64_t, size_t> pick_index_;  // fingerprint -> its first pick
  };

  void bfs(Entry root) {
    std::vector<Entry> level;
    level.push_back(std::move(root));
    for (uint32_t depth = 0; !level.empty(); ++depth) {
      report_progress(depth, level.size(), depth == 0);
      std::vector<Expansion> expansions = expand_all(level, setup_, options_);
      bool stop = false;
      LevelPicker picker(*this);
      picker.add(expansions, 0, depth, [&](size_t i) { return choices_of(level[i].path); }, stop);
      std::vector<Pick>& picks = picker.picks();
      if (stop || next_level_too_big(level.size(), picks.size())) {
        report_progress(depth, picks.size(), true);
        break;
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
    merge_tally(result_.stats, bfs_tally_.stats);
    result_.counterexample = std::move(bfs_tally_.counterexample);
  }

  // BFS with a compact frontier (SearchOptions::compact_frontier): every
  // level keeps, per state, only its parent's index in the level above and
  // the step from there (CompactState); a state's world is rebuilt from the
  // root when it is expanded. A level lists its states in their parents'
  // order, so a chunk of consecutive states rebuilds each ancestor once
  // (Replayer): a level costs its own steps plus about one step per state of
  // the levels above. The expansions and their order are those of bfs(), so
  // every count and the counterexample are the same, except that a search
  // stopped inside a level stops at the end of a batch (bfs() has expanded
  // the whole level by then): a stopped search may count less.
  void bfs_compact() {
    // States expanded per batch: the expansions (successors with their
    // sleep sets) of a whole level would outweigh the compact level itself.
    constexpr size_t kBatch = size_t{1} << 14;
    CompactLevels levels;
    levels.push_back({CompactState{}});  // the root
    for (uint32_t depth = 0; !levels.back().empty(); ++depth) {
      std::vector<CompactState>& level = levels.back();
      report_progress(depth, level.size(), depth == 0);
      LevelPicker picker(*this);
      bool stop = false;
      for (size_t first = 0; first < level.size() && !stop; first += kBatch) {
        const size_t count = std::min(kBatch, level.size() - first);
        std::vector<Expansion> expansions(count);
        parallel_chunks(count, options_.jobs, [&](size_t begin, size_t end) {
          Replayer replay(setup_, levels);
          for (size_t k = begin; k < end; ++k) {
            CompactState& state = level[first + k];
            Entry entry{replay.world_of_child(depth, state), nullptr, std::move(state.sleep), depth,
                        std::move(state.only)};
            expansions[k] = expand(entry, setup_, options_);
          }
        });
        picker.add(expansions, first, depth,
                   [&](size_t i) { return compact_choices(setup_, levels, depth, i); }, stop);
      }
      std::vector<Pick>& picks = picker.picks();
      if (stop || next_level_too_big(level.size(), picks.size())) {
        report_progress(depth, picks.size(), true);
        break;
      }
      std::vector<CompactState> next;
      next.reserve(picks.size());
      for (Pick& pick : picks) {
        DT_ASSERT(pick.parent < UINT32_MAX, "a level too large for compact parents");
        next.push_back(CompactState{static_cast<uint32_t>(pick.parent),
                                    CompactStep(pick.successor.choice),
                                    std::move(pick.successor.sleep), std::move(pick.only)});
      }
      picks.clear();
      levels.push_back(std::move(next));
    }
    merge_tally(result_.stats, bfs_tally_.stats);
    result_.counterexample = std::move(bfs_tally_.counterexample);
  }

  // Depth-first on `jobs` threads. Each runs DFS on a stack of its own and
  // shares the met states (SharedStates); idle threads take the bottom of a
  // busy one's stack (WorkPool). With one job this is plain sequential DFS.
  // What any number of jobs gives alike: on an exhaustive search without a
  // violation, the states and the complete histories (every reachable state
  // is met once and each path end is checked at its first visit). What can
  // differ: transitions, sleep counts and max depth (they depend on which
  // path reached a state first), and which counterexample is found first.
  void dfs(Entry root) {
    const uint32_t jobs = std::max<uint32_t>(1, std::min<uint32_t>(options_.jobs, 64));
    WorkPool pool(jobs);
    std::vector<Tally> tallies(jobs);
    std::mutex first_failure;
    auto worker = [&](uint32_t id, std::optional<Entry> start) {
      Tally& tally = tallies[id];
      std::deque<Entry> stack;
      if (start) stack.push_back(std::move(*start));
      while (true) {
        if (stack.empty()) {
          std::optional<Entry> taken = pool.take();
          if (!taken) return;
          stack.push_back(std::move(*taken));
        }
        Entry entry = std::move(stack.back());
        stack.pop_back();
        Expansion e = expand(entry, setup_, options_);
        if (account(entry, e, tally)) {
          const std::lock_guard lock(first_failure);
          if (!result_.counterexample) result_.counterexample = std::move(tally.counterexample);
          return pool.stop();
        }
        if (id == 0) report_progress(entry.depth, stack.size(), false);
        // Reverse, so the first enabled step is explored first.
        for (auto it = e.successors.rbegin(); it != e.successors.rend(); ++it) {
          const std::vector<uint64_t> slept =
              options_.sleep_sets ? keys_of(it->sleep) : std::vector<uint64_t>{};
          if (!states_.insert(it->fingerprint, options_.sleep_sets ? &slept : nullptr)) {
            if (!options_.sleep_sets) continue;
            std::optional<std::vector<uint64_t>> wake = states_.wake(it->fingerprint, slept);
            if (!wake) continue;
            ++tally.stats.sleep_revisits;
            Entry again = materialize(entry, std::move(*it));
            again.only = std::move(wake);
            stack.push_back(std::move(again));
            continue;
          }
          stack.push_back(materialize(entry, std::move(*it)));
          if (state_bound_reached(tally.stats.hits) || resource_bound_reached(tally)) {
            return pool.stop();
          }
        }
        if (stack.size() > 1 && pool.hungry()) {
          pool.give(std::move(stack.front()));
          stack.pop_front();
        }
        if (pool.over()) return;  // another worker stopped the search
      }
    };
    if (jobs == 1) {
      worker(0, std::move(root));
    } else {
      std::vector<std::thread> threads;
      threads.emplace_back(worker, 0, std::move(root));
      for (uint32_t id = 1; id < jobs; ++id) threads.emplace_back(worker, id, std::nullopt);
      for (std::thread& t : threads) t.join();
    }
    for (Tally& tally : tallies) {
      merge_tally(result_.stats, tally.stats);
      if (!result_.counterexample) result_.counterexample = std::move(tally.counterexample);
    }
  }

  static std::vector<uint64_t> keys_of(const SleepSet& sleep) {
    std::vector<uint64_t> keys;
    for (const SleepItem& item : sleep) keys.push_back(item.key);
    return keys;
  }

  const ExploreSetup& setup_;
  const SearchOptions& options_;
  const std::chrono::steady_clock::time_point start_;
  double last_progress_s_ = 0;
  SharedStates states_;
  std::atomic<uint64_t> transitions_{0};
  Tally bfs_tally_;
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
