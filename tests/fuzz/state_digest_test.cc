// Node::comparison_digest() must equal abstract_state().comparison_digest() after every
// event: lockstep trusts equal digests and builds the states only when they
// differ, so a digest walk that skipped a field would hide a divergence.
// Checked on drawn schedules (small and large draws, every fault kind) for
// the model, the impl and the impl with each zoo bug, by wrapping the node.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/node_state.h"
#include "fuzz/schedule_decoder.h"
#include "impl/bugs.h"
#include "impl/impl_node.h"
#include "model/model_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

struct Tally {
  uint64_t checked = 0;
  uint64_t wrong = 0;
};
Tally tally;  // one test at a time writes it (factories are plain functions)

// Forwards every call and compares the two digests afterwards.
class DigestChecking : public Node {
 public:
  explicit DigestChecking(std::unique_ptr<Node> inner) : inner_(std::move(inner)) {}
  void on_start(const NodeClock& clock, Effects& out) override {
    inner_->on_start(clock, out);
    check();
  }
  void on_client_request(const NodeClock& clock, const ClientRequest& request,
                         Effects& out) override {
    inner_->on_client_request(clock, request, out);
    check();
  }
  void on_message(const NodeClock& clock, NodeId from, const Message& message,
                  Effects& out) override {
    inner_->on_message(clock, from, message, out);
    check();
  }
  void on_timer(const NodeClock& clock, TimerKind kind, uint64_t tag, Effects& out) override {
    inner_->on_timer(clock, kind, tag, out);
    check();
  }
  void on_crash(Effects& out) override {
    inner_->on_crash(out);
    check();
  }
  void on_wipe(Effects& out) override {
    inner_->on_wipe(out);
    check();
  }
  NodeState abstract_state() const override { return inner_->abstract_state(); }
  uint64_t comparison_digest() const override { return inner_->comparison_digest(); }

 private:
  void check() const {
    ++tally.checked;
    if (inner_->comparison_digest() != inner_->abstract_state().comparison_digest()) ++tally.wrong;
  }
  std::unique_ptr<Node> inner_;
};

std::unique_ptr<Node> checking_model(NodeId self, const Config& config, const BugSet& bugs) {
  return std::make_unique<DigestChecking>(make_model_node(self, config, bugs));
}
std::unique_ptr<Node> checking_impl(NodeId self, const Config& config, const BugSet& bugs) {
  return std::make_unique<DigestChecking>(make_impl_node(self, config, bugs));
}

// Runs `runs` drawn schedules from `first_seed` in lockstep (model and impl,
// `inject` on both) and returns how many digests were compared.
uint64_t check_runs(uint64_t first_seed, int runs, DrawScale scale,
                    const std::string& inject = "") {
  tally = {};
  RunOptions options;
  options.primary = &checking_model;
  options.shadow = &checking_impl;
  options.record_trace = false;
  for (int i = 0; i < runs; ++i) {
    Schedule schedule = draw_schedule(first_seed + static_cast<uint64_t>(i), scale).schedule;
    if (!inject.empty()) {
      schedule.inject = {inject};
      // A zoo bug may diverge, stopping the run; the digests are checked up to there.
    }
    run_schedule(schedule, options);
  }
  EXPECT_EQ(tally.wrong, 0u) << "of " << tally.checked << " checked states";
  return tally.checked;
}

TEST(StateDigest, EqualsTheBuiltStatesDigestOnSmallDraws) {
  EXPECT_GT(check_runs(1, 300, DrawScale::small), 10'000u);
}

TEST(StateDigest, EqualsTheBuiltStatesDigestOnLargeDraws) {
  EXPECT_GT(check_runs(1, 4, DrawScale::large), 10'000u);
}

TEST(StateDigest, EqualsTheBuiltStatesDigestUnderEveryZooBug) {
  for (const BugInfo& bug : bug_zoo()) {
    SCOPED_TRACE(bug.name);
    EXPECT_GT(check_runs(1, 20, DrawScale::small, bug.name), 100u);
  }
}

// The comparison the checks above rely on can fail: a state that differs only
// in a hinted sibling, a suspected node, a pending target or a root changes
// both digests (the one lockstep compares and the one run digests fold).
TEST(StateDigest, EveryFieldMovesBothDigests) {
  NodeState base;
  base.node = 2;
  Version v;
  v.dot = Dot{1, 1};
  v.write_id = 7;
  base.store[5] = {v};
  base.hints[3][5] = {v};
  base.suspected = {4};
  base.pending = {PendingRequestState{9, 11, 5, {1, 3}, {1}}};
  base.merkle_roots[0] = 0xabc;
  auto moved = [&](auto edit) {
    NodeState s = base;
    edit(s);
    return s.comparison_digest() != base.comparison_digest() && s.digest() != base.digest();
  };
  EXPECT_TRUE(moved([](NodeState& s) { s.node = 1; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.store[5][0].write_id = 8; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.store[5][0].tombstone = true; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.store[5][0].lww_timestamp_ns = 1; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.store[5][0].value = {1}; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.store[6] = {}; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.hints[3][5][0].dot.counter = 2; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.hints[4] = s.hints[3]; s.hints.erase(3); }));
  EXPECT_TRUE(moved([](NodeState& s) { s.suspected.clear(); }));
  EXPECT_TRUE(moved([](NodeState& s) { s.pending[0].answered.push_back(3); }));
  EXPECT_TRUE(moved([](NodeState& s) { s.pending[0].targets = {1}; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.pending[0].op_id = 12; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.merkle_roots[0] = 0xabd; }));
  EXPECT_TRUE(moved([](NodeState& s) { s.merkle_roots[1] = 0xabc; }));
}

}  // namespace
}  // namespace dt
