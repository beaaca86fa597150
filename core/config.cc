#include "core/config.h"

#include <algorithm>
#include <string>

#include "core/assert.h"

namespace dt {

const char* to_string(QuorumMode mode) {
  return mode == QuorumMode::sloppy ? "sloppy" : "strict";
}
const char* to_string(HintStoreMode mode) {
  return mode == HintStoreMode::durable ? "durable" : "volatile";
}
const char* to_string(Versioning versioning) {
  return versioning == Versioning::vclock ? "vclock" : "lww";
}

const char* to_string(DelayDistribution distribution) {
  switch (distribution) {
    case DelayDistribution::uniform: return "uniform";
    case DelayDistribution::exponential: return "exponential";
    case DelayDistribution::pareto: return "pareto";
  }
  DT_ASSERT(false, "unknown delay distribution");
  return "";
}

Result<QuorumMode> parse_quorum_mode(std::string_view text) {
  if (text == "sloppy") return QuorumMode::sloppy;
  if (text == "strict") return QuorumMode::strict;
  return Status::error("\"" + std::string(text) + "\" is not a quorum mode (sloppy|strict)");
}
const char* to_string(ProbeScope scope) {
  return scope == ProbeScope::all ? "all" : "neighbors";
}
Result<ProbeScope> parse_probe_scope(std::string_view text) {
  if (text == "all") return ProbeScope::all;
  if (text == "neighbors") return ProbeScope::neighbors;
  return Status::error("\"" + std::string(text) + "\" is not a probe scope (all|neighbors)");
}

uint64_t replica_timeout_stride(uint32_t nodes) {
  uint64_t stride = 64;
  while (stride < nodes) stride *= 2;
  return stride;
}

Result<HintStoreMode> parse_hint_store_mode(std::string_view text) {
  if (text == "durable") return HintStoreMode::durable;
  if (text == "volatile") return HintStoreMode::volatile_;
  return Status::error("\"" + std::string(text) +
                       "\" is not a hint store mode (durable|volatile)");
}
Result<Versioning> parse_versioning(std::string_view text) {
  if (text == "vclock") return Versioning::vclock;
  if (text == "lww") return Versioning::lww;
  return Status::error("\"" + std::string(text) + "\" is not a versioning (vclock|lww)");
}

Result<DelayDistribution> parse_delay_distribution(std::string_view text) {
  if (text == "uniform") return DelayDistribution::uniform;
  if (text == "exponential") return DelayDistribution::exponential;
  if (text == "pareto") return DelayDistribution::pareto;
  return Status::error("\"" + std::string(text) +
                       "\" is not a delay distribution (uniform|exponential|pareto)");
}

namespace {

Status range_error(const char* field, uint64_t value, uint64_t lo, uint64_t hi) {
  return Status::error("config." + std::string(field) + ": " + std::to_string(value) +
                       " is out of range (" + std::to_string(lo) + ".." + std::to_string(hi) +
                       ")");
}

}  // namespace

Status Config::validate() const {
  struct Bound {
    const char* field;
    uint64_t value, lo, hi;
  };
  const Bound bounds[] = {
      {"nodes", nodes, 1, kMaxNodes},
      {"replicas_n", replicas_n, 1, 16},
      {"read_quorum_r", read_quorum_r, 1, 16},
      {"write_quorum_w", write_quorum_w, 1, 16},
      {"partitions_q", partitions_q, 1, 4096},
      {"merkle_depth", merkle_depth, 0, 20},
      {"replica_timeout_ns", replica_timeout_ns, 1, 60 * kSecondNs},
      {"request_deadline_ns", request_deadline_ns, 1, 600 * kSecondNs},
      {"probe_interval_ns", probe_interval_ns, kMillisecondNs, 60 * kSecondNs},
      {"probe_timeout_ns", probe_timeout_ns, 1, 60 * kSecondNs},
      {"handoff_interval_ns", handoff_interval_ns, kMillisecondNs, 60 * kSecondNs},
      {"anti_entropy_interval_ns", anti_entropy_interval_ns, kMillisecondNs, 60 * kSecondNs},
      {"network_delay_min_ns", network_delay_min_ns, 0, 10 * kSecondNs},
      {"network_delay_max_ns", network_delay_max_ns, 0, 10 * kSecondNs},
      {"network_delay_mean_ns", network_delay_mean_ns, 0, 10 * kSecondNs},
      {"network_delay_pareto_shape_milli", network_delay_pareto_shape_milli, 0, 100'000},
      {"quiescence_rounds", quiescence_rounds, 1, 1'000'000},
  };
  for (const Bound& b : bounds) {
    if (b.value < b.lo || b.value > b.hi) return range_error(b.field, b.value, b.lo, b.hi);
  }
  auto relation = [](const char* field, uint64_t value, const char* what, const char* other,
                     uint64_t other_value) {
    return Status::error("config." + std::string(field) + ": " + std::to_string(value) + " is " +
                         what + " " + other + " (" + std::to_string(other_value) + ")");
  };
  if (replicas_n > nodes) return relation("replicas_n", replicas_n, "more than", "nodes", nodes);
  // Every node must own a partition, or walks could not reach N distinct
  // home nodes nor the whole fallback order.
  if (partitions_q < nodes) {
    return relation("partitions_q", partitions_q, "fewer than", "nodes", nodes);
  }
  if (read_quorum_r > replicas_n) {
    return relation("read_quorum_r", read_quorum_r, "more than", "replicas_n", replicas_n);
  }
  if (write_quorum_w > replicas_n) {
    return relation("write_quorum_w", write_quorum_w, "more than", "replicas_n", replicas_n);
  }
  if (network_delay_min_ns > network_delay_max_ns) {
    return relation("network_delay_min_ns", network_delay_min_ns, "more than",
                    "network_delay_max_ns", network_delay_max_ns);
  }
  if (Status s = validate_delay_distribution(); !s) return s;
  if (replica_timeout_ns > request_deadline_ns) {
    return relation("replica_timeout_ns", replica_timeout_ns, "more than", "request_deadline_ns",
                    request_deadline_ns);
  }
  return Status::ok();
}

Status Config::validate_delay_distribution() const {
  const std::string name = to_string(network_delay_distribution);
  auto unused = [&](const char* field, uint64_t value) {
    return Status::error("config." + std::string(field) + ": " + std::to_string(value) +
                         " is set, but network_delay_distribution " + name + " does not use it");
  };
  const bool uses_mean = network_delay_distribution != DelayDistribution::uniform;
  const bool uses_shape = network_delay_distribution == DelayDistribution::pareto;
  if (!uses_mean && network_delay_mean_ns != 0) {
    return unused("network_delay_mean_ns", network_delay_mean_ns);
  }
  if (!uses_shape && network_delay_pareto_shape_milli != 0) {
    return unused("network_delay_pareto_shape_milli", network_delay_pareto_shape_milli);
  }
  if (uses_mean && network_delay_mean_ns == 0) {
    return Status::error("config.network_delay_mean_ns: 0, but network_delay_distribution " +
                         name + " needs a mean of at least 1 ns");
  }
  // Shape alpha <= 1 has an infinite mean: the mean parameter would mean nothing.
  if (uses_shape && network_delay_pareto_shape_milli <= 1000) {
    return Status::error("config.network_delay_pareto_shape_milli: " +
                         std::to_string(network_delay_pareto_shape_milli) +
                         " is not above 1000 (a Pareto shape <= 1 has no finite mean)");
  }
  return Status::ok();
}

TimeNs Config::quiescence_round_ns() const {
  return std::max(handoff_interval_ns, anti_entropy_interval_ns) + request_deadline_ns;
}

}  // namespace dt
