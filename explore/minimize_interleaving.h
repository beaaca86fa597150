// Shrinking a failing interleaving (explore/interleaving.h): drop choices
// while what is left still replays (every choice enabled in turn) and its
// path end fails the same way. Chunks first, halving down to single choices
// (as ddmin does), so a long depth-first counterexample shrinks in few
// replays. BFS counterexamples are already shortest in steps; hand-edited
// or depth-first ones are what this is for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "explore/bounds.h"
#include "explore/interleaving.h"
#include "explore/path_end.h"

namespace dt {

struct InterleavingMinimizeResult {
  std::vector<ChoiceRef> choices;  // a failing subsequence of the input
  PathVerdict verdict;             // its replay
  size_t choices_before = 0;
  uint64_t replays = 0;
  bool budget_exhausted = false;
};

// Error when `choices` does not replay, or replays without failing.
// REQUIRES: max_replays >= 1.
Result<InterleavingMinimizeResult> minimize_interleaving(const ExploreSetup& setup,
                                                         const std::vector<ChoiceRef>& choices,
                                                         uint64_t max_replays);

}  // namespace dt
