#include "checks/supersession.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(Supersession, FollowsChainsOfSupersedingVersionsOnOneKey) {
  test::HistoryBuilder h;
  h.put(0, 1, 1, 1, 2);                                           // w1 @0:1
  h.put(0, 1, 2, 3, 4, OpType::ok, 1, test::clock_of({{0, 1}}));  // w2 @1:4 supersedes w1
  h.put(0, 1, 3, 5, 6, OpType::ok, 2, test::clock_of({{1, 8}}));  // w3 @2:1 supersedes w2
  h.put(0, 1, 4, 7, 8);                                           // w4 @3:1 concurrent
  h.put(0, 2, 5, 9, 10, OpType::ok, 2, test::clock_of({{0, 1}}));  // w5: other key
  const History history = h.build();
  test::TraceBuilder t;
  t.stored(1, 0, 1, test::version(1, 0, 1)).stored(3, 1, 1, test::version(2, 1, 4));
  t.stored(5, 2, 1, test::version(3, 2, 1)).stored(7, 3, 1, test::version(4, 3, 1));
  t.stored(9, 2, 2, test::version(5, 2, 2));
  const ReplicaTrace trace = t.build();
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  const Supersession supersession(index.value(), facts);
  EXPECT_EQ(supersession.descendants(1), (std::unordered_set<WriteId>{1, 2, 3}));
  EXPECT_EQ(supersession.descendants(3), (std::unordered_set<WriteId>{3}));
  EXPECT_EQ(supersession.descendants(4), (std::unordered_set<WriteId>{4}));
  EXPECT_EQ(supersession.descendants(99), (std::unordered_set<WriteId>{99}));
  EXPECT_TRUE(supersession.descends(3, 1));
  EXPECT_FALSE(supersession.descends(1, 3));
  EXPECT_FALSE(supersession.descends(5, 1));  // other key, although its context covers 0:1
}

TEST(Supersession, ReusedDotsMakeACycleThatStillCloses) {
  test::HistoryBuilder h;
  h.put(0, 1, 1, 1, 2, OpType::ok, 1, test::clock_of({{1, 1}}));  // w1 @1:3 covers w2's dot
  h.put(0, 1, 2, 3, 4, OpType::ok, 1, test::clock_of({{1, 3}}));  // w2 @1:1 (reused) covers w1
  h.put(0, 1, 3, 5, 6, OpType::ok, 2, test::clock_of({{2, 7}}));  // w3 @2:9 covers w4
  h.put(0, 1, 4, 7, 8, OpType::ok, 2, test::clock_of({{1, 1}}));  // w4 @2:5 covers w2
  const History history = h.build();
  test::TraceBuilder t;
  t.stored(1, 1, 1, test::version(1, 1, 3)).stored(3, 1, 1, test::version(2, 1, 1));
  t.stored(5, 2, 1, test::version(3, 2, 9)).stored(7, 2, 1, test::version(4, 2, 5));
  const ReplicaTrace trace = t.build();
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), trace);
  const Supersession supersession(index.value(), facts);
  EXPECT_EQ(supersession.descendants(1), (std::unordered_set<WriteId>{1, 2, 3, 4}));
  EXPECT_EQ(supersession.descendants(2), (std::unordered_set<WriteId>{1, 2, 3, 4}));
  EXPECT_EQ(supersession.descendants(4), (std::unordered_set<WriteId>{3, 4}));
  EXPECT_EQ(supersession.descendants(3), (std::unordered_set<WriteId>{3}));
}

// The definition read literally: a search from `write_id` over every write of
// its key, one `covers` test per pair (the implementation before closed clocks).
std::unordered_set<WriteId> descendants_by_search(const HistoryIndex& index,
                                                  const WriteFacts& facts, WriteId write_id) {
  std::unordered_set<WriteId> seen{write_id};
  const auto op = index.op_of_write(write_id);
  if (!op) return seen;
  std::vector<WriteId> same_key;
  for (const IndexedOp& other : index.ops()) {
    if (is_write(other.f) && other.key == index.op(*op).key) same_key.push_back(other.write_id);
  }
  std::vector<WriteId> frontier{write_id};
  while (!frontier.empty()) {
    const WriteId older = frontier.back();
    frontier.pop_back();
    for (WriteId newer : same_key) {
      if (seen.count(newer) != 0 || !facts.covers(newer, older)) continue;
      seen.insert(newer);
      frontier.push_back(newer);
    }
  }
  return seen;
}

// Writes on a few keys by a few actors. Contexts are mostly merged clocks of
// earlier writes (DAG-shaped, as a correct store makes them); some dots are
// reused and some contexts get random entries, which makes cycles; some writes
// have no known dot.
struct RandomWrites {
  History history;
  ReplicaTrace trace;
};

RandomWrites random_writes() {
  const auto count = *rc::gen::inRange<size_t>(1, 40);
  const auto keys = *rc::gen::inRange<Key>(1, 4);
  test::HistoryBuilder h;
  test::TraceBuilder t;
  std::vector<VClock> seen(count);  // each write's clock(): context plus dot
  std::vector<uint64_t> next_counter(4, 1);
  for (size_t i = 0; i < count; ++i) {
    const auto actor = *rc::gen::inRange<ActorId>(0, 4);
    VClock context;
    for (size_t j = 0; j < i; ++j) {
      if (*rc::gen::inRange(0, 4) == 0) context.merge(seen[j]);
    }
    if (*rc::gen::inRange(0, 8) == 0) {
      context.merge(test::clock_of({{*rc::gen::inRange<NodeId>(0, 4),
                                     *rc::gen::inRange<uint64_t>(1, 12)}}));
    }
    const bool reuse = *rc::gen::inRange(0, 8) == 0;
    const uint64_t counter = reuse ? *rc::gen::inRange<uint64_t>(1, 12) : next_counter[actor]++;
    const auto write_id = static_cast<WriteId>(i + 1);
    const Key key = *rc::gen::inRange<Key>(0, keys);
    const auto time_ns = static_cast<TimeNs>(10 * i + 1);
    h.put(static_cast<ProcessId>(i), key, write_id, time_ns, time_ns + 5, OpType::ok, 0,
          context);
    const Version v = test::version(write_id, actor, counter, context);
    if (*rc::gen::inRange(0, 10) != 0) t.stored(time_ns + 1, 0, key, v);
    seen[i] = v.clock();
  }
  return {h.build(), t.build()};
}

RC_GTEST_PROP(SupersessionProperty, MatchesTheSearchOverEveryPair, ()) {
  const RandomWrites run = random_writes();
  const Result<HistoryIndex> index = HistoryIndex::build(run.history);
  RC_ASSERT(index.is_ok());
  const WriteFacts facts(index.value(), run.trace);
  const Supersession supersession(index.value(), facts);
  const auto writes = static_cast<WriteId>(index.value().ops().size());
  for (WriteId older = 1; older <= writes + 1; ++older) {  // writes + 1: an unknown id
    const std::unordered_set<WriteId> expected =
        descendants_by_search(index.value(), facts, older);
    RC_ASSERT(supersession.descendants(older) == expected);
    for (WriteId newer = 1; newer <= writes + 1; ++newer) {
      RC_ASSERT(supersession.descends(newer, older) == (expected.count(newer) != 0));
    }
  }
}

}  // namespace
}  // namespace dt
