// The search over explored states: breadth-first by default (the first
// failing path found is a shortest one), depth-first when memory is short.
// BFS is level-synchronous: `jobs` threads expand one level's states, then
// one thread merges their successors in frontier order, so every count and
// the counterexample are the same for any number of jobs. DFS runs `jobs`
// depth-first threads over one shared set of met states; an exhaustive
// search gives the same states and complete histories for any number.
// Compact BFS (compact_frontier) makes BFS's expansions in BFS's order but
// keeps each state as (parent, step), rebuilding worlds by replay.
//
// Reductions (each can be switched; tests/explore check they lose no zoo bug):
// - sleep sets (on by default): after taking step a, a step b independent
//   of a (disjoint footprints: explore/choice.h) that was already explored
//   from the parent is not taken again from the child; the visited set
//   closes the diamond. A state met again with a smaller sleep set is
//   expanded again for the steps it slept on before and this path does not
//   (state caching's fix), so they prune steps, never states (tests compare
//   the counts with the plain search);
// - symmetry: clients with the same script meet (explore/fingerprint.h);
// - commuting steps: a node's steps between barriers (crash, restart, wipe)
//   in any order meet (explore/trace_identity.h).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "explore/bounds.h"
#include "explore/choice.h"
#include "explore/fingerprint.h"
#include "explore/path_end.h"

namespace dt {

enum class SearchOrder { bfs, dfs };

struct ExploreProgress {
  uint64_t states = 0;
  uint64_t transitions = 0;
  uint32_t depth = 0;
  uint64_t frontier = 0;
  double seconds = 0;
  uint64_t rss_bytes = 0;
};

struct SearchOptions {
  SearchOrder order = SearchOrder::bfs;
  // BFS only: keep each state as (parent, step) and rebuild its world by
  // replay when it is expanded, instead of holding a whole level's worlds
  // (kilobytes each). Same result; more steps (about one per state of the
  // levels above), far less memory.
  bool compact_frontier = false;
  uint32_t jobs = 1;
  bool sleep_sets = true;
  IdentityOptions identity;  // symmetry and commuting steps (explore/fingerprint.h)
  bool stop_at_first = true;  // false: count every failing path end
  std::function<void(const ExploreProgress&)> progress;  // optional
  double progress_interval_s = 2.0;
  // Stop (bound "max-memory", not exhaustive) when the process grows past
  // this; 0 = no bound.
  uint64_t max_memory_bytes = uint64_t{4} << 30;
  // Stop (bound "max-time", not exhaustive) after this much wall time; 0 = none.
  double max_seconds = 0;
};

// Which bounds cut the search somewhere: each set flag means "not exhaustive
// beyond this bound".
struct BoundHits {
  bool depth = false, states = false, timer_firings = false, crashes = false, wipes = false,
       partitions = false, lost = false, duplicates = false, memory = false, time = false;
  std::vector<std::string> names() const;
};

struct ExploreStats {
  uint64_t states = 0;             // distinct fingerprints reached
  uint64_t transitions = 0;        // steps applied
  uint64_t sleep_skipped = 0;      // steps a sleep set made unnecessary
  uint64_t sleep_revisits = 0;     // states expanded again for steps a later path woke
  uint32_t max_depth = 0;
  uint64_t histories_checked = 0;  // path ends (clients done) given to the checkers
  uint64_t failing_paths = 0;      // path ends with a promised violation or divergence
  std::array<uint64_t, kChoiceKindCount> enabled{};  // states where each kind was enabled
  std::array<uint64_t, kChoiceKindCount> taken{};    // steps of each kind taken
  BoundHits hits;
  double seconds = 0;
  uint64_t visited_bytes = 0;
  uint64_t peak_rss_bytes = 0;
};

struct Counterexample {
  std::vector<Choice> choices;
  PathVerdict verdict;
};

struct ExploreResult {
  ExploreStats stats;
  std::optional<Counterexample> counterexample;  // the first (shortest under BFS)
  bool exhaustive() const;  // no bound beyond the stated budgets cut the search
};

ExploreResult explore(const ExploreSetup& setup, const SearchOptions& options);

uint64_t current_rss_bytes();

}  // namespace dt
