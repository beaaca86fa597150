#include "checks/target_walk.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/assert.h"

namespace dt {

namespace {

// The adversary's search: at each node's turn, the behaviour (allowed by its
// class) that makes the walk latest, or fail. Rounds: round 0 picks the
// first N targets at time 0; round r > 0 replaces each silent target at
// r * replica_timeout_ns. A round's answers arrive one round trip later.
class WorstWalk {
 public:
  WorstWalk(const Config& config, const std::vector<NodeId>& extended,
            const std::vector<Answers>& answers, size_t needed)
      : config_(config), extended_(extended), answers_(answers), needed_(needed) {
    DT_ASSERT(config.quorum_mode == QuorumMode::sloppy, "strict walks never retarget");
  }

  std::optional<TimeNs> run() { return take(0, 0, config_.replicas_n, 0, 0); }

 private:
  using Key = std::tuple<size_t, size_t, size_t, size_t, uint64_t>;

  Answers class_of(NodeId node) const {
    return node < answers_.size() ? answers_[node] : Answers::never;
  }

  // `to_take` targets of this round still to pick from position `pos`;
  // `next_silent` picked ones that stay silent (the next round's chains).
  std::optional<TimeNs> take(size_t pos, size_t answered, size_t to_take, size_t next_silent,
                             uint64_t round) {
    if (to_take == 0 || pos == extended_.size()) return end_round(pos, answered, next_silent, round);
    const Key key{pos, answered, to_take, next_silent, round};
    if (const auto it = memo_.find(key); it != memo_.end()) return it->second;
    const Answers a = class_of(extended_[pos]);
    std::optional<TimeNs> worst;
    bool failed = false;
    const auto consider = [&](std::optional<TimeNs> t) {
      if (!t) failed = true;
      else worst = std::max(worst.value_or(0), *t);
    };
    if (a != Answers::never) {  // it answers
      consider(take(pos + 1, std::min(answered + 1, needed_), to_take - 1, next_silent, round));
    }
    if (a != Answers::always) {
      consider(take(pos + 1, answered, to_take - 1, next_silent + 1, round));  // silent
      if (!failed) consider(take(pos + 1, answered, to_take, next_silent, round));  // suspected
    }
    const std::optional<TimeNs> result = failed ? std::nullopt : worst;
    memo_.emplace(key, result);
    return result;
  }

  std::optional<TimeNs> end_round(size_t pos, size_t answered, size_t silent, uint64_t round) {
    const TimeNs round_trip_ns = 2 * config_.network_delay_max_ns;
    const TimeNs asked_ns = round * config_.replica_timeout_ns;
    if (answered >= needed_) return asked_ns + round_trip_ns;
    if (silent == 0) return std::nullopt;
    // Every silent target is replaced next round.
    const TimeNs next_ns = asked_ns + config_.replica_timeout_ns;
    if (next_ns + round_trip_ns >= config_.request_deadline_ns) return std::nullopt;
    return take(pos, answered, silent, 0, round + 1);
  }

  const Config& config_;
  const std::vector<NodeId>& extended_;
  const std::vector<Answers>& answers_;
  const size_t needed_;
  std::map<Key, std::optional<TimeNs>> memo_;
};

}  // namespace

std::optional<TimeNs> worst_case_walk_ns(const Config& config, const std::vector<NodeId>& extended,
                                         const std::vector<Answers>& answers, size_t needed) {
  DT_ASSERT(extended.size() >= config.replicas_n, "extended list shorter than N");
  DT_ASSERT(needed > 0, "a phase needs at least one answer");
  if (config.quorum_mode == QuorumMode::strict) {
    // Only the homes are ever asked; the worst is every non-`always` one silent.
    const auto always = [&](NodeId node) {
      return node < answers.size() && answers[node] == Answers::always;
    };
    const size_t answered =
        std::count_if(extended.begin(), extended.begin() + config.replicas_n, always);
    if (answered < needed) return std::nullopt;
    return 2 * config.network_delay_max_ns;
  }
  return WorstWalk(config, extended, answers, needed).run();
}

}  // namespace dt
