#include "explore/path_end.h"

#include <tuple>
#include <utility>

#include "checks/check_all.h"
#include "core/assert.h"
#include "sim/quiescence.h"
#include "sim/run_digest.h"

namespace dt {

namespace {

constexpr uint64_t kMaxDrainActions = 1'000'000;

// The copy to deliver next: the least by content. The state identity holds
// the in-flight copies as a multiset, so the phase must not depend on the
// order they were sent in: two merged states then finish alike. (Equal
// hashes are equal copies.) REQUIRES: !world.in_flight.empty()
size_t next_copy(const World& world) {
  size_t best = 0;
  for (size_t i = 1; i < world.in_flight.size(); ++i) {
    if (world.in_flight[i].hash < world.in_flight[best].hash) best = i;
  }
  return best;
}

// The one-shot timer to fire next, the least by (node, kind, tag), or
// timers.size() when none is left; for the same reason.
size_t next_one_shot(const World& world) {
  size_t best = world.timers.size();
  auto key = [](const PendingTimer& t) { return std::tuple(t.node, t.kind, t.tag); };
  for (size_t i = 0; i < world.timers.size(); ++i) {
    if (is_periodic(world.timers[i].kind)) continue;
    if (best == world.timers.size() || key(world.timers[i]) < key(world.timers[best])) best = i;
  }
  return best;
}

// Delivers every copy, then fires one-shot timers, until neither is left.
void drain(World& world) {
  for (uint64_t actions = 0; !world.divergence; ++actions) {
    DT_ASSERT(actions < kMaxDrainActions, "liveness phase does not settle");
    if (!world.in_flight.empty()) {
      world.tick();
      world.deliver_now(next_copy(world));
      continue;
    }
    const size_t one_shot = next_one_shot(world);
    if (one_shot == world.timers.size()) return;
    world.tick();
    world.fire_now(one_shot);
  }
}

// One round: each node's periodic timers (node order; probe, handoff,
// anti-entropy), then everything they caused.
void periodic_round(World& world) {
  const size_t node_count = world.nodes.size();
  for (NodeId n = 0; n < node_count && !world.divergence; ++n) {
    for (TimerKind kind : {TimerKind::probe, TimerKind::handoff, TimerKind::anti_entropy}) {
      for (size_t i = 0; i < world.timers.size(); ++i) {
        if (world.timers[i].node != n || world.timers[i].kind != kind) continue;
        world.tick();
        world.fire_now(i);
        break;
      }
    }
  }
  drain(world);
}

void time_out_open_ops(World& world) {
  for (uint32_t c = 0; c < world.clients.size(); ++c) {
    if (!world.clients[c].open) continue;
    world.tick();
    world.client_timeout_now(c);
  }
}

std::vector<NodeState> states_of(const World& world) {
  std::vector<NodeState> states;
  for (const ExploreNode& node : world.nodes) states.push_back(node.primary->abstract_state());
  return states;
}

void run_liveness(World& world, ReplicaTrace& trace) {
  const Config& config = world.setup().config;
  world.tick();
  trace.final_heal_ns = world.now_ns();
  world.final_heal();
  drain(world);
  for (uint32_t round = 1; round <= config.quiescence_rounds && !world.divergence; ++round) {
    periodic_round(world);
    trace.quiescence_rounds_used = round;
    if (cluster_quiesced(config, states_of(world))) {
      trace.quiesced = true;
      break;
    }
  }
  time_out_open_ops(world);
  world.tick();
  trace.final_reads_ns = world.now_ns();
  for (Key key = 0; key < world.setup().bounds.keys && !world.divergence; ++key) {
    world.tick();
    world.start_final_read(key, static_cast<NodeId>(key % config.nodes));
    drain(world);
  }
  time_out_open_ops(world);
}

std::string first_failure(const CheckReport& report) {
  for (const PropertyVerdict& v : report.verdicts) {
    if (!judged_by_explore(v.property)) continue;
    for (const Violation& violation : v.violations) {
      if (violation.promised) return v.property + "/" + violation.kind;
    }
  }
  return "";
}

}  // namespace

bool judged_by_explore(const std::string& property) { return property != "availability"; }

PathVerdict finish_path(World world, PathDetail detail) {
  const bool full = detail == PathDetail::full;
  PathVerdict verdict;
  if (!world.divergence) run_liveness(world, verdict.trace);
  verdict.trace.records = std::move(world.records);
  verdict.trace.final_states = states_of(world);
  verdict.trace.coverage = world.coverage;
  verdict.history = std::move(world.history);
  verdict.divergence = world.divergence;
  if (full) verdict.digest = run_digest(verdict.history, verdict.trace);
  if (verdict.divergence) {
    verdict.failure = "refinement";
    return verdict;
  }
  verdict.report = check_all(CheckInput{world.setup().config, verdict.history, verdict.trace},
                             CheckSelection{.availability = full});
  for (const PropertyVerdict& v : verdict.report.verdicts) {
    if (judged_by_explore(v.property)) verdict.promised_violations += v.promised_violation_count();
  }
  verdict.failure = first_failure(verdict.report);
  DT_ASSERT(verdict.failure.empty() == (verdict.promised_violations == 0),
            "failure name and violation count disagree");
  return verdict;
}

}  // namespace dt
