// How many quiescence rounds a correct store needs to converge after the
// final heal: the bound under which a run that did not quiesce is a bug
// (checks/convergence) rather than a phase cut short by the config.
//
// Why a bound exists (docs/protocol.md, "Convergence speed"): after the heal
// no new writes start, suspicions clear on the next probe, hints are handed
// off in the next handoff round, and then every node visits each of its
// (partition, peer) pairs once per anti-entropy cycle. Each visit leaves both
// sides with the merge of both; merging is a join, so after one whole cycle
// every home replica holds the join of all copies. The bound adds those
// phases up, each at its worst, and counts rounds of quiescence_round_ns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/config.h"

namespace dt {

struct ConvergenceBound {
  // Rounds within which a correct store quiesces; nullopt when the config
  // gives none (why_none says which timing rules it out).
  std::optional<uint64_t> rounds;
  std::string why_none;
  uint32_t cycle_exchanges = 0;  // anti_entropy_cycle_rounds(config)
};

ConvergenceBound quiescence_rounds_needed(const Config& config);

}  // namespace dt
