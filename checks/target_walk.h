// The coordinator's target walk, worst case: how long one phase of a request
// (a get's reads or a write's stores) needs to collect `needed` answers when
// only the nodes in `reachable` ever answer. Availability obliges an op only
// when this walk succeeds before the request deadline and the op still had
// time to finish: the protocol does not promise more.
//
// The walk (docs/protocol.md): the coordinator asks the first N unsuspected
// nodes of the key's extended list (strict: the unsuspected home nodes); a
// target silent for replica_timeout_ns is suspected and, in sloppy mode,
// replaced by the next untried fallback, until the request deadline. Worst
// case: no node starts suspected (skipping a suspected node only brings the
// next candidate sooner), a reachable node answers within two network delays,
// an unreachable one costs a full replica timeout. Reachable nodes are never
// suspected within the window (availability starts it a failure-detection time
// early), so the simulation below is an upper bound on the real walk.
#pragma once

#include <optional>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

// nullopt: the walk cannot collect `needed` answers before the deadline.
// Otherwise the worst-case time from the coordinator starting the phase to the
// `needed`-th answer. `extended` is the key's whole ring walk (homes first).
std::optional<TimeNs> worst_case_walk_ns(const Config& config, const std::vector<NodeId>& extended,
                                         const std::vector<bool>& reachable, size_t needed);

}  // namespace dt
