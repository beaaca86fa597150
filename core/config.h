// The cluster configuration a run uses: sizes, quorums, modes and timeouts.
// Every duration carries its unit in its name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/types.h"

namespace dt {

enum class QuorumMode { sloppy, strict };
enum class HintStoreMode { durable, volatile_ };  // volatile: hints lost on crash
enum class Versioning { vclock, lww };
// How a message's base delay is drawn (sim/delay_draw.h gives the exact rule).
enum class DelayDistribution { uniform, exponential, pareto };
// Whom a failure detector probes each round: every other node, or only its
// ring neighbours (the nodes it shares a preference list with) and the nodes
// it suspects, so a large cluster does not send n^2 probes per round.
enum class ProbeScope { all, neighbors };

const char* to_string(QuorumMode mode);
const char* to_string(HintStoreMode mode);
const char* to_string(Versioning versioning);
const char* to_string(DelayDistribution distribution);
const char* to_string(ProbeScope scope);
Result<QuorumMode> parse_quorum_mode(std::string_view text);
Result<HintStoreMode> parse_hint_store_mode(std::string_view text);
Result<Versioning> parse_versioning(std::string_view text);
Result<DelayDistribution> parse_delay_distribution(std::string_view text);
Result<ProbeScope> parse_probe_scope(std::string_view text);

// The most nodes a cluster may have.
inline constexpr uint32_t kMaxNodes = 1024;
// A replica_timeout timer's tag is request_id * stride + target. The stride is
// 64 up to 64 nodes (the tags every run of such a cluster always had) and the
// next power of two for larger clusters.
uint64_t replica_timeout_stride(uint32_t nodes);

struct Config {
  uint32_t nodes = 5;
  uint32_t replicas_n = 3;
  uint32_t read_quorum_r = 2;
  uint32_t write_quorum_w = 2;
  uint32_t partitions_q = 16;        // Q equal partitions of the hash space
  uint32_t merkle_depth = 4;         // 2^depth leaves per partition tree
  QuorumMode quorum_mode = QuorumMode::sloppy;
  HintStoreMode hint_store = HintStoreMode::durable;
  Versioning versioning = Versioning::vclock;

  // A target that has not answered within this is suspected (and, in sloppy
  // mode, replaced by the next fallback node).
  TimeNs replica_timeout_ns = 50 * kMillisecondNs;
  // The coordinator answers by this time after the request arrived.
  TimeNs request_deadline_ns = 200 * kMillisecondNs;
  // Failure-detector probes: sent every interval, a peer that does not answer
  // within probe_timeout_ns is suspected.
  TimeNs probe_interval_ns = 100 * kMillisecondNs;
  TimeNs probe_timeout_ns = 50 * kMillisecondNs;
  ProbeScope probe_scope = ProbeScope::all;
  TimeNs handoff_interval_ns = 200 * kMillisecondNs;
  TimeNs anti_entropy_interval_ns = 300 * kMillisecondNs;

  // Network base delay per message. uniform: in [min, max]. exponential and
  // pareto: min + a draw with mean network_delay_mean_ns, capped at max (so
  // max stays a bound the checkers can rely on).
  TimeNs network_delay_min_ns = 1 * kMillisecondNs;
  TimeNs network_delay_max_ns = 5 * kMillisecondNs;
  DelayDistribution network_delay_distribution = DelayDistribution::uniform;
  TimeNs network_delay_mean_ns = 0;             // exponential, pareto only
  uint32_t network_delay_pareto_shape_milli = 0;  // pareto only: shape alpha x 1000 (> 1000)

  // After the final heal: at most this many quiescence rounds (one round =
  // max(handoff, anti-entropy) interval) before the final reads.
  uint32_t quiescence_rounds = 100;

  friend bool operator==(const Config&, const Config&) = default;

  // Checks ranges and relations (R, W <= N <= nodes, ...). The error names the
  // field: "config.read_quorum_r: 4 is more than replicas_n (3)".
  Status validate() const;
  // The distribution fields: each set exactly when its distribution uses it.
  Status validate_delay_distribution() const;
  // A round of the liveness phase: long enough for one handoff and one
  // anti-entropy exchange to be started.
  TimeNs quiescence_round_ns() const;
};

}  // namespace dt
