// When can a node suspect a peer it reaches without loss? Two checkers rest
// on "it cannot": availability (a reachable target is never suspected inside
// the window) and the quiescence bound (after the heal, suspicions clear and
// stay cleared). Both hold only for some timings, so both ask here.
//
// - A coordinator times out a target that has not answered within
//   replica_timeout_ns and suspects it: a round trip must be shorter.
// - The failure detector's awaited flag is per peer, not per probe round
//   (docs/protocol.md): a round's timeout that fires after the next round
//   began judges the next round's probe, which has had only
//   probe_timeout_ns mod probe_interval_ns to be answered.
#pragma once

#include <optional>
#include <string>

#include "core/config.h"

namespace dt {

// Why the failure detector can suspect a peer whose round trips take at most
// 2 * network_delay_max_ns; nullopt when it cannot.
std::optional<std::string> probe_suspicion_risk(const Config& config);

// Why a coordinator can time out such a peer; nullopt when it cannot.
std::optional<std::string> replica_timeout_risk(const Config& config);

}  // namespace dt
