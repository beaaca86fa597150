// Vector clocks: compare/merge laws as RapidCheck properties, plus examples.
#include "core/vclock.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <map>

namespace dt {
namespace {

// A clock over nodes 0..3 with small counters, so concurrency is common.
rc::Gen<VClock> gen_clock() {
  return rc::gen::map(rc::gen::container<std::vector<uint64_t>>(4, rc::gen::inRange<uint64_t>(0, 3)),
                      [](const std::vector<uint64_t>& counters) {
                        std::vector<VClock::Entry> entries;
                        for (NodeId n = 0; n < counters.size(); ++n) {
                          if (counters[n] > 0) entries.emplace_back(n, counters[n]);
                        }
                        return VClock(entries);
                      });
}

RC_GTEST_PROP(VClockProps, MergeIsCommutative, ()) {
  const VClock a = *gen_clock();
  const VClock b = *gen_clock();
  RC_ASSERT(VClock::merged(a, b) == VClock::merged(b, a));
}

RC_GTEST_PROP(VClockProps, MergeIsAssociative, ()) {
  const VClock a = *gen_clock(), b = *gen_clock(), c = *gen_clock();
  RC_ASSERT(VClock::merged(VClock::merged(a, b), c) == VClock::merged(a, VClock::merged(b, c)));
}

RC_GTEST_PROP(VClockProps, MergeIsIdempotent, ()) {
  const VClock a = *gen_clock();
  RC_ASSERT(VClock::merged(a, a) == a);
}

RC_GTEST_PROP(VClockProps, MergeDescendsFromBoth, ()) {
  const VClock a = *gen_clock(), b = *gen_clock();
  const VClock m = VClock::merged(a, b);
  RC_ASSERT(m.descends(a));
  RC_ASSERT(m.descends(b));
}

RC_GTEST_PROP(VClockProps, CompareIsConsistentWithMerge, ()) {
  const VClock a = *gen_clock(), b = *gen_clock();
  const VClock m = VClock::merged(a, b);
  switch (a.compare(b)) {
    case Order::equal: RC_ASSERT(a == b); break;
    case Order::before: RC_ASSERT(m == b); break;
    case Order::after: RC_ASSERT(m == a); break;
    case Order::concurrent: RC_ASSERT(m != a && m != b); break;
  }
}

RC_GTEST_PROP(VClockProps, CompareIsAntisymmetric, ()) {
  const VClock a = *gen_clock(), b = *gen_clock();
  const Order ab = a.compare(b), ba = b.compare(a);
  if (ab == Order::before) RC_ASSERT(ba == Order::after);
  if (ab == Order::after) RC_ASSERT(ba == Order::before);
  if (ab == Order::equal) RC_ASSERT(ba == Order::equal);
  if (ab == Order::concurrent) RC_ASSERT(ba == Order::concurrent);
}

RC_GTEST_PROP(VClockProps, IncrementMovesStrictlyAfter, (uint8_t node)) {
  VClock a = *gen_clock();
  const VClock before = a;
  a.increment(node % 4);
  RC_ASSERT(a.compare(before) == Order::after);
}

TEST(VClock, Examples) {
  const VClock a({{0, 1}});
  const VClock b({{0, 1}, {1, 1}});
  const VClock c({{2, 1}});
  EXPECT_EQ(a.compare(b), Order::before);
  EXPECT_EQ(b.compare(a), Order::after);
  EXPECT_EQ(a.compare(c), Order::concurrent);
  EXPECT_EQ(VClock().compare(VClock()), Order::equal);
  EXPECT_EQ(VClock::merged(b, c).to_string(), "{0:1,1:1,2:1}");
  EXPECT_EQ(a.get(7), 0u);
}

}  // namespace
}  // namespace dt
