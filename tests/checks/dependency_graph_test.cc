#include "checks/dependency_graph.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/checks/builders.h"

namespace dt {
namespace {

TEST(DependencyGraph, FindsNoCycleInADag) {
  const std::vector<DependencyEdge> edges = {{0, 1}, {1, 2}, {0, 2}, {3, 2}};
  EXPECT_TRUE(find_dependency_cycle(4, edges).empty());
  EXPECT_TRUE(find_dependency_cycle(0, {}).empty());
}

TEST(DependencyGraph, ReportsTheCycleInEdgeOrder) {
  const std::vector<DependencyEdge> edges = {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {4, 0}};
  EXPECT_EQ(find_dependency_cycle(5, edges), (std::vector<uint32_t>{1, 2, 3}));
}

TEST(DependencyGraph, ReportsASelfLoop) {
  EXPECT_EQ(find_dependency_cycle(3, {{0, 1}, {2, 2}}), std::vector<uint32_t>{2});
}

TEST(DependencyGraph, ReportsTheFirstCycleFound) {
  EXPECT_EQ(find_dependency_cycle(4, {{0, 1}, {1, 0}, {2, 3}, {3, 2}}),
            (std::vector<uint32_t>{0, 1}));
}

TEST(DependencyGraph, HandlesALongChainWithoutRecursion) {
  constexpr uint32_t kOps = 200'000;
  std::vector<DependencyEdge> edges;
  for (uint32_t i = 0; i + 1 < kOps; ++i) edges.push_back({i, i + 1});
  EXPECT_TRUE(find_dependency_cycle(kOps, edges).empty());
  edges.push_back({kOps - 1, 0});
  EXPECT_EQ(find_dependency_cycle(kOps, edges).size(), kOps);
}

// A get answered sibling 1:2, but the context the client got back names only 0:1.
// A later put that sent 0:1 does not build on that read; one that sent both does.
TEST(DependencyGraph, AReadWriteEdgeNeedsEverySiblingsClock) {
  for (const bool covers_sibling : {false, true}) {
    test::HistoryBuilder h;
    h.get(0, 0, 1, 2, {test::version(100, 1, 2)});
    const VClock sent =
        covers_sibling ? test::clock_of({{0, 1}, {1, 2}}) : test::clock_of({{0, 1}});
    h.put(0, 0, 1, 3, 4, OpType::ok, 0, sent);
    History history = h.build();
    history[1].context = test::clock_of({{0, 1}});  // the get's completion
    const Result<HistoryIndex> index = HistoryIndex::build(history);
    ASSERT_TRUE(index.is_ok());
    const WriteFacts facts(index.value(), ReplicaTrace{});
    size_t read_write = 0;
    for (const DependencyEdge& e : dependency_edges(index.value(), facts)) {
      if (e.kind == DependencyEdgeKind::read_write) ++read_write;
    }
    EXPECT_EQ(read_write, covers_sibling ? 1u : 0u) << "covers_sibling " << covers_sibling;
  }
}

// A sibling without a dot (counter 0) still carries its context: a put that sent
// it builds on the read, even when the sibling is the last one read.
TEST(DependencyGraph, ASiblingWithoutADotStillCountsItsContext) {
  test::HistoryBuilder h;
  h.get(0, 0, 1, 2, {test::version(100, 1, 0, test::clock_of({{0, 1}}))});
  h.put(0, 0, 1, 3, 4, OpType::ok, 0, test::clock_of({{0, 1}}));
  const History history = h.build();
  ASSERT_FALSE(history[1].context.empty());
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  ASSERT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), ReplicaTrace{});
  const std::vector<DependencyEdge> edges = dependency_edges(index.value(), facts);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].kind, DependencyEdgeKind::read_write);
  EXPECT_EQ(edges[0].from, 0u);
  EXPECT_EQ(edges[0].to, 1u);
}

// Edges of one kind, as (from, to) op numbers.
std::vector<std::pair<uint32_t, uint32_t>> edges_of(const History& history,
                                                    DependencyEdgeKind kind) {
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  EXPECT_TRUE(index.is_ok());
  const WriteFacts facts(index.value(), ReplicaTrace{});
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const DependencyEdge& e : dependency_edges(index.value(), facts)) {
    if (e.kind == kind) out.emplace_back(e.from, e.to);
  }
  return out;
}

TEST(DependencyGraph, ASiblingWithAnEmptyClockDoesNotEmptyTheReturnedContext) {
  // Siblings w100 (0:1) and w101 (no dot, no context): the get returned 0:1.
  test::HistoryBuilder h;
  h.get(0, 0, 1, 2, {test::version(100, 0, 1), test::version(101, 1, 0)});
  h.put(0, 0, 1, 3, 4, OpType::ok, 0, test::clock_of({{0, 1}}));
  EXPECT_EQ(edges_of(h.build(), DependencyEdgeKind::read_write),
            (std::vector<std::pair<uint32_t, uint32_t>>{{0, 1}}));
}

TEST(DependencyGraph, AReadWriteEdgeNeedsTheWholeReturnedContext) {
  // The get's reply context claims 5:5 beyond its sibling: a put that sent only
  // the sibling's clock does not build on it.
  test::HistoryBuilder h;
  h.get(0, 0, 1, 2, {test::version(100, 0, 1)});
  h.put(0, 0, 1, 3, 4, OpType::ok, 0, test::clock_of({{0, 1}}));
  History history = h.build();
  history[1].context = test::clock_of({{0, 1}, {5, 5}});
  EXPECT_TRUE(edges_of(history, DependencyEdgeKind::read_write).empty());
  history[2].context = test::clock_of({{0, 1}, {5, 5}});
  EXPECT_EQ(edges_of(history, DependencyEdgeKind::read_write),
            (std::vector<std::pair<uint32_t, uint32_t>>{{0, 1}}));
}

TEST(DependencyGraph, AFailedGetIsNotTheReadAWriteBuildsOn) {
  test::HistoryBuilder h;
  h.get(0, 0, 1, 2, {test::version(100, 0, 1)});
  h.get(0, 0, 3, 4, {}, 0, OpType::fail);
  h.put(0, 0, 1, 5, 6, OpType::ok, 0, test::clock_of({{0, 1}}));
  EXPECT_EQ(edges_of(h.build(), DependencyEdgeKind::read_write),
            (std::vector<std::pair<uint32_t, uint32_t>>{{0, 2}}));
}

TEST(DependencyGraph, OnlyAWriteBuildsOnARead) {
  // A get's invoke carries no context a store would see: even if one is
  // recorded, the get does not build on the read before it.
  test::HistoryBuilder h;
  h.get(0, 0, 1, 2, {test::version(100, 0, 1)});
  h.get(0, 0, 3, 4, {test::version(100, 0, 1)});
  History history = h.build();
  history[2].context = test::clock_of({{0, 1}});  // the second get's invoke
  EXPECT_TRUE(edges_of(history, DependencyEdgeKind::read_write).empty());
}

TEST(DependencyGraph, AnAddReadsButIsNotTheReadALaterWriteBuildsOn) {
  // w1 put; a get returns nothing; an add reads w1; a put sends w1's clock.
  test::HistoryBuilder h;
  h.put(1, 0, 1, 1, 2);
  h.get(0, 0, 3, 4, {});
  const uint64_t add = h.write(OpFn::add, 0, 0, 2, 5, 6);
  h.put(0, 0, 3, 7, 8, OpType::ok, 0, test::clock_of({{0, 1}}));
  History history = h.build();
  for (HistoryOp& op : history) {
    if (op.op_id == add && op.type == OpType::ok) op.read = {test::version(1, 0, 1)};
  }
  // The add's read is a write -> read edge; the last get returned nothing to build on.
  EXPECT_EQ(edges_of(history, DependencyEdgeKind::write_read),
            (std::vector<std::pair<uint32_t, uint32_t>>{{0, 2}}));
  EXPECT_TRUE(edges_of(history, DependencyEdgeKind::read_write).empty());
}

TEST(DependencyGraph, WriteWriteEdgesSkipContextEntriesOfUnknownDots) {
  // w2's context names 0:7 (no known write) before 1:1 (w1's dot).
  test::HistoryBuilder h;
  h.put(0, 0, 1, 1, 2);
  h.get(1, 0, 3, 4, {test::version(1, 1, 1)});
  h.put(2, 0, 2, 5, 6, OpType::ok, 0, test::clock_of({{0, 7}, {1, 1}}));
  EXPECT_EQ(edges_of(h.build(), DependencyEdgeKind::write_write),
            (std::vector<std::pair<uint32_t, uint32_t>>{{0, 2}}));
}

VClock random_clock() {
  VClock clock;
  for (int e = *rc::gen::inRange(0, 3); e > 0; --e) {
    clock.merge(test::clock_of({{*rc::gen::inRange<NodeId>(0, 3),
                                 *rc::gen::inRange<uint64_t>(1, 5)}}));
  }
  return clock;
}

// read -> write edges: a write whose sent context descends from the (non-empty)
// merged context its process's last get returned. The graph checks that part by
// part; here the merged clock is built, as the definition reads.
RC_GTEST_PROP(DependencyGraphProperty, ReadWriteEdgesMatchTheMergedContexts, ()) {
  test::HistoryBuilder h;
  WriteId next_write = 1;
  const auto steps = *rc::gen::inRange(1, 12);
  for (int step = 0; step < steps; ++step) {
    const TimeNs t = 10 * static_cast<TimeNs>(step) + 1;
    if (*rc::gen::arbitrary<bool>()) {
      h.put(0, 0, next_write++, t, t + 1, OpType::ok, 0, random_clock());
      continue;
    }
    Siblings read;
    for (int i = *rc::gen::inRange(0, 4); i > 0; --i) {
      read.push_back(test::version(100 + static_cast<WriteId>(step * 4 + i),
                                   *rc::gen::inRange<ActorId>(0, 3),
                                   *rc::gen::inRange<uint64_t>(0, 5), random_clock()));
    }
    h.get(0, 0, t, t + 1, read);
  }
  const History history = h.build();
  const Result<HistoryIndex> index = HistoryIndex::build(history);
  RC_ASSERT(index.is_ok());
  const WriteFacts facts(index.value(), ReplicaTrace{});
  std::vector<std::pair<uint32_t, uint32_t>> expected;
  std::optional<std::pair<uint32_t, VClock>> last_read;
  for (uint32_t number = 0; number < index.value().ops().size(); ++number) {
    const IndexedOp& op = index.value().op(number);
    const HistoryOp& done = index.value().completion_of(op);
    if (op.f == OpFn::get) {
      last_read = {number, VClock::merged(done.context, context_of(done.read))};
      continue;
    }
    const VClock& sent = index.value().invoke_of(op).context;
    if (last_read && !sent.empty() && !last_read->second.empty() &&
        sent.descends(last_read->second)) {
      expected.emplace_back(last_read->first, number);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> actual;
  for (const DependencyEdge& e : dependency_edges(index.value(), facts)) {
    if (e.kind == DependencyEdgeKind::read_write) actual.emplace_back(e.from, e.to);
  }
  RC_ASSERT(actual == expected);
}

}  // namespace
}  // namespace dt
