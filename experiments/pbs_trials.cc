#include "experiments/pbs_trials.h"

#include <utility>

#include "core/assert.h"
#include "core/prng.h"
#include "experiments/put_then_get.h"

namespace dt {

namespace {

// Stream ids: which replicas a put misses, and each trial's run seed.
constexpr uint64_t kSubsetStream = 1;
constexpr uint64_t kRunSeedStream = 2;

// The N - W replicas a put misses: a uniform subset (partial Fisher-Yates).
std::vector<NodeId> draw_unwritten(std::vector<NodeId> replicas, uint32_t write_quorum_w,
                                   Prng& prng) {
  DT_ASSERT(write_quorum_w <= replicas.size(), "W above N");
  const size_t missed = replicas.size() - write_quorum_w;
  for (size_t i = 0; i < missed; ++i) {
    const size_t j = i + prng.below(replicas.size() - i);
    std::swap(replicas[i], replicas[j]);
  }
  replicas.resize(missed);
  return replicas;
}

}  // namespace

Config no_propagation_config(uint32_t replicas_n, uint32_t read_quorum_r,
                             uint32_t write_quorum_w) {
  Config c;
  c.nodes = replicas_n + 2;
  c.replicas_n = replicas_n;
  c.read_quorum_r = read_quorum_r;
  c.write_quorum_w = write_quorum_w;
  c.partitions_q = 64;
  c.quorum_mode = QuorumMode::strict;
  // The trial ends within a request deadline or two of the put; these first
  // fire at 60 s.
  c.anti_entropy_interval_ns = 60 * kSecondNs;
  c.handoff_interval_ns = 60 * kSecondNs;
  DT_ASSERT(c.validate().is_ok(), "no-propagation config invalid");
  return c;
}

StaleCount simulate_without_propagation(uint32_t replicas_n, uint32_t read_quorum_r,
                                        uint32_t write_quorum_w, uint64_t seed,
                                        uint32_t trials) {
  const Config config = no_propagation_config(replicas_n, read_quorum_r, write_quorum_w);
  Prng root(seed);
  Prng subsets = root.split(kSubsetStream);
  Prng run_seeds = root.split(kRunSeedStream);
  StaleCount count;
  for (uint32_t i = 0; i < trials; ++i) {
    PutThenGet trial;
    trial.config = config;
    trial.seed = run_seeds.next_u64();
    trial.key = i;
    trial.unwritten = draw_unwritten(trial_roles(config, i).replicas, write_quorum_w, subsets);
    trial.read_after_ack_ns = 1 * kMillisecondNs;
    const PutThenGetOutcome out = run_put_then_get(trial);
    // Every home replica is up and reachable by the reader: both must succeed.
    DT_ASSERT(out.put_ok && out.get_ok, "no-propagation trial failed");
    ++count.reads;
    count.stale += out.saw_write ? 0 : 1;
  }
  DT_ASSERT(count.stale <= count.reads, "more stale than reads");
  return count;
}

std::vector<VisibilityPoint> simulate_t_visibility(const Config& config,
                                                   const std::vector<TimeNs>& t_grid_ns,
                                                   uint64_t seed, uint32_t trials) {
  DT_ASSERT(config.validate().is_ok(), "t-visibility config invalid");
  std::vector<uint64_t> run_seeds(trials);
  Prng root(seed);
  Prng seeds = root.split(kRunSeedStream);
  for (uint64_t& s : run_seeds) s = seeds.next_u64();
  std::vector<VisibilityPoint> points;
  for (TimeNs t_ns : t_grid_ns) {
    VisibilityPoint point;
    point.t_ns = t_ns;
    for (uint32_t i = 0; i < trials; ++i) {
      PutThenGet trial;
      trial.config = config;
      trial.seed = run_seeds[i];
      trial.key = i;
      trial.read_after_ack_ns = t_ns;
      const PutThenGetOutcome out = run_put_then_get(trial);
      if (!out.put_ok || !out.get_ok) continue;
      ++point.reads;
      point.consistent += out.saw_write ? 1 : 0;
    }
    points.push_back(point);
  }
  DT_ASSERT(points.size() == t_grid_ns.size(), "one point per t");
  return points;
}

}  // namespace dt
