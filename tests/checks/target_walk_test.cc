#include "checks/target_walk.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/prng.h"
#include "tests/checks/builders.h"

namespace dt {
namespace {

using test::kMs;

// Nodes 0..5, homes {0,1,2} then fallbacks 3, 4, 5. T = 50 ms, deadline 200 ms,
// delays <= 5 ms: a reachable node answers 10 ms after it is asked.
Config walk_config(QuorumMode mode, uint32_t w, uint32_t nodes = 6) {
  Config config = test::config_of(3, 1, w, mode);
  config.nodes = nodes;
  return config;
}
const std::vector<NodeId> kExtended = {0, 1, 2, 3, 4, 5};

std::vector<Answers> reachable(std::initializer_list<NodeId> nodes, uint32_t count = 6) {
  std::vector<Answers> r(count, Answers::never);
  for (NodeId n : nodes) r[n] = Answers::always;
  return r;
}

TEST(TargetWalk, HomesAnswerInOneRoundTrip) {
  EXPECT_EQ(worst_case_walk_ns(walk_config(QuorumMode::strict, 2), kExtended,
                               reachable({0, 2}), 2),
            10 * kMs);
}

TEST(TargetWalk, StrictNeverUsesFallbacks) {
  EXPECT_FALSE(worst_case_walk_ns(walk_config(QuorumMode::strict, 2), kExtended,
                                  reachable({0, 3, 4, 5}), 2));
}

TEST(TargetWalk, SloppyReplacesEachSilentTargetOnceATimeout) {
  // 1 and 2 silent: at 50 ms both are replaced by 3 and 4 (both answer).
  EXPECT_EQ(worst_case_walk_ns(walk_config(QuorumMode::sloppy, 3), kExtended,
                               reachable({0, 3, 4}), 3),
            60 * kMs);
  // 3 silent too: 50 ms asks 3 and 4, 100 ms replaces 3 by 5.
  EXPECT_EQ(worst_case_walk_ns(walk_config(QuorumMode::sloppy, 3), kExtended,
                               reachable({0, 4, 5}), 3),
            110 * kMs);
}

TEST(TargetWalk, SloppyStopsAtTheDeadline) {
  // Only node 5 answers besides nothing: chains 0,1,2 -> 3,4,5 at 50 ms.
  Config config = walk_config(QuorumMode::sloppy, 1);
  EXPECT_EQ(worst_case_walk_ns(config, kExtended, reachable({5}), 1), 60 * kMs);
  config.request_deadline_ns = 60 * kMs;  // 50 + 10 is not before the deadline
  EXPECT_FALSE(worst_case_walk_ns(config, kExtended, reachable({5}), 1));
  // One silent home, fallbacks 3 and 4 silent: 5 is asked at 150 ms.
  config = walk_config(QuorumMode::sloppy, 3);
  EXPECT_EQ(worst_case_walk_ns(config, kExtended, reachable({0, 1, 5}), 3), 160 * kMs);
  config.request_deadline_ns = 160 * kMs;
  EXPECT_FALSE(worst_case_walk_ns(config, kExtended, reachable({0, 1, 5}), 3));
}

TEST(TargetWalk, RunsOutOfFallbacks) {
  EXPECT_FALSE(worst_case_walk_ns(walk_config(QuorumMode::sloppy, 3), kExtended,
                                  reachable({0, 1}), 3));
}

// The shape of the false alarm a large clean run found: homes 1 and 2 were
// reachable only for part of the window. Both silent, their two chains walk
// the unreachable 3, 4, 5 together and reach 6 and 7 in time (160 ms); one
// answering leaves a single chain to walk 3, 4, 5 alone, and the deadline
// comes first. So the op is not owed.
TEST(TargetWalk, AMaybeTargetThatAnswersCanLeaveTooFewChains) {
  const Config config = walk_config(QuorumMode::sloppy, 3, 9);
  const std::vector<NodeId> extended = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<Answers> answers = reachable({0, 6, 7, 8}, 9);
  EXPECT_EQ(worst_case_walk_ns(config, extended, answers, 3), 160 * kMs);  // 1, 2 silent
  answers[1] = answers[2] = Answers::maybe;
  EXPECT_FALSE(worst_case_walk_ns(config, extended, answers, 3));
  // With a shorter unreachable run every behaviour finishes; the worst is
  // the single chain: 3 and 4 silent, 5 asked at 150 ms answers at 160 ms.
  answers = reachable({0, 5, 6, 7, 8}, 9);
  answers[1] = answers[2] = Answers::maybe;
  EXPECT_EQ(worst_case_walk_ns(config, extended, answers, 3), 160 * kMs);
}

// What each node does in one behaviour of the walk.
enum class Does : uint8_t { answers, silent, suspected };

// The walk as the coordinator runs it, for one behaviour of every node:
// targets are the first N unsuspected nodes (strict: unsuspected homes);
// each replica timeout replaces every silent target by the next unsuspected
// untried node. The time of the needed-th answer, or nullopt.
std::optional<TimeNs> walk_once(const Config& config, const std::vector<NodeId>& extended,
                                const std::vector<Does>& does, size_t needed) {
  const TimeNs rtt_ns = 2 * config.network_delay_max_ns;
  size_t next = 0, answered = 0, silent = 0;
  const auto take = [&]() -> std::optional<NodeId> {
    while (next < extended.size() && does[extended[next]] == Does::suspected) ++next;
    if (next == extended.size()) return std::nullopt;
    return extended[next++];
  };
  const bool strict = config.quorum_mode == QuorumMode::strict;
  for (size_t i = 0; i < config.replicas_n; ++i) {
    if (strict) {
      if (does[extended[i]] == Does::answers) ++answered;
      continue;
    }
    const std::optional<NodeId> node = take();
    if (!node) break;
    (does[*node] == Does::answers ? answered : silent) += 1;
  }
  if (answered >= needed) return rtt_ns;
  if (strict) return std::nullopt;
  for (TimeNs t = config.replica_timeout_ns; t + rtt_ns < config.request_deadline_ns;
       t += config.replica_timeout_ns) {
    size_t still = 0;
    for (size_t c = 0; c < silent; ++c) {
      const std::optional<NodeId> node = take();
      if (!node) break;
      (does[*node] == Does::answers ? answered : still) += 1;
    }
    if (answered >= needed) return t + rtt_ns;
    silent = still;
  }
  return std::nullopt;
}

// Against every behaviour of the maybe nodes (answer, stay silent, or be
// suspected and skipped; never nodes stay silent or are skipped; always
// nodes answer): the walk is owed exactly when every behaviour finishes, at
// the latest of their times.
TEST(TargetWalk, IsTheWorstOfEveryBehaviourOfTheNodesOutsideTheStableSet) {
  Prng prng(20261202);
  int owed = 0, not_owed = 0;
  for (int instance = 0; instance < 3000; ++instance) {
    const uint32_t nodes = 3 + static_cast<uint32_t>(prng.below(7));
    const uint32_t n = 1 + static_cast<uint32_t>(prng.below(std::min<uint32_t>(4, nodes)));
    Config config = test::config_of(n, 1, 1, prng.below(4) == 0 ? QuorumMode::strict
                                                                  : QuorumMode::sloppy);
    config.nodes = nodes;
    config.request_deadline_ns = (100 + 50 * prng.below(4)) * kMs;
    const size_t needed = 1 + prng.below(n);
    std::vector<NodeId> extended(nodes);
    for (NodeId i = 0; i < nodes; ++i) extended[i] = i;
    std::vector<Answers> answers(nodes);
    std::vector<NodeId> open;  // nodes whose behaviour is enumerated
    for (NodeId i = 0; i < nodes; ++i) {
      answers[i] = static_cast<Answers>(prng.below(3));
      if (answers[i] == Answers::always) continue;
      if (open.size() < 6) {
        open.push_back(i);
      } else {
        answers[i] = Answers::always;  // keeps the enumeration small
      }
    }
    std::optional<TimeNs> worst = 0;
    std::vector<Does> does(nodes, Does::answers);
    size_t patterns = 1;
    for (size_t i = 0; i < open.size(); ++i) patterns *= 3;
    for (size_t p = 0; p < patterns && worst; ++p) {
      size_t code = p;
      bool possible = true;
      for (NodeId node : open) {
        does[node] = static_cast<Does>(code % 3);
        code /= 3;
        possible &= !(answers[node] == Answers::never && does[node] == Does::answers);
      }
      if (!possible) continue;
      const std::optional<TimeNs> t = walk_once(config, extended, does, needed);
      worst = t ? std::optional(std::max(*worst, *t)) : std::nullopt;
    }
    const std::optional<TimeNs> got = worst_case_walk_ns(config, extended, answers, needed);
    std::string classes;
    for (Answers a : answers) classes += "nma"[static_cast<int>(a)];
    ASSERT_EQ(got, worst) << "instance " << instance << ": " << nodes << " nodes, N " << n
                          << ", needed " << needed << ", deadline "
                          << config.request_deadline_ns / kMs << " ms, "
                          << (config.quorum_mode == QuorumMode::strict ? "strict" : "sloppy")
                          << ", answers " << classes;
    (got ? owed : not_owed) += 1;
  }
  EXPECT_GT(owed, 300);  // both outcomes are well represented
  EXPECT_GT(not_owed, 300);
}

}  // namespace
}  // namespace dt
