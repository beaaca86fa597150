#include "explore/minimize_interleaving.h"

#include <utility>

#include "core/assert.h"

namespace dt {

namespace {

class Shrinker {
 public:
  Shrinker(const ExploreSetup& setup, uint64_t max_replays)
      : setup_(setup), max_replays_(max_replays) {}

  // True when `candidate` replays and fails as `failure_`; keeps its verdict.
  bool still_fails(const std::vector<ChoiceRef>& candidate) {
    if (out_.replays >= max_replays_) {
      out_.budget_exhausted = true;
      return false;
    }
    ++out_.replays;
    Result<PathVerdict> v = replay_interleaving(setup_, candidate);
    if (!v.is_ok() || v.value().failure != failure_) return false;
    out_.verdict = std::move(v.value());
    return true;
  }

  Result<InterleavingMinimizeResult> run(const std::vector<ChoiceRef>& choices) {
    Result<PathVerdict> first = replay_interleaving(setup_, choices);
    if (!first.is_ok()) return first.status();
    if (!first.value().failed()) return Status::error("the interleaving does not fail");
    failure_ = first.value().failure;
    out_.verdict = std::move(first.value());
    out_.choices_before = choices.size();
    out_.replays = 1;
    std::vector<ChoiceRef> current = choices;
    for (size_t chunk = current.size() / 2; chunk >= 1; chunk /= 2) {
      bool removed = true;
      while (removed && !out_.budget_exhausted) {
        removed = remove_one_chunk(current, chunk);
      }
    }
    DT_ASSERT(current.size() <= choices.size(), "minimizing grew the interleaving");
    out_.choices = std::move(current);
    return std::move(out_);
  }

 private:
  // Drops the first chunk of `size` choices (from the end backwards: late
  // choices depend on early ones, rarely the other way) that keeps the failure.
  bool remove_one_chunk(std::vector<ChoiceRef>& current, size_t size) {
    for (size_t end = current.size(); end >= size; --end) {
      std::vector<ChoiceRef> candidate(current.begin(), current.begin() + (end - size));
      candidate.insert(candidate.end(), current.begin() + end, current.end());
      if (still_fails(candidate)) {
        current = std::move(candidate);
        return true;
      }
      if (out_.budget_exhausted) return false;
    }
    return false;
  }

  const ExploreSetup& setup_;
  const uint64_t max_replays_;
  std::string failure_;
  InterleavingMinimizeResult out_;
};

}  // namespace

Result<InterleavingMinimizeResult> minimize_interleaving(const ExploreSetup& setup,
                                                         const std::vector<ChoiceRef>& choices,
                                                         uint64_t max_replays) {
  DT_ASSERT(max_replays >= 1, "minimize_interleaving: no replay budget");
  return Shrinker(setup, max_replays).run(choices);
}

}  // namespace dt
