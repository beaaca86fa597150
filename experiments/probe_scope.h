// The `probe_scope` parameter of the cluster experiments: whom the failure
// detectors probe. `auto` (the default) probes every node up to 64 nodes and
// only ring neighbours (and suspected nodes) above, since all-to-all probing
// costs n^2 messages a round (docs/protocol.md, Failure detector).
#pragma once

#include <cstdint>

#include "core/config.h"
#include "core/status.h"
#include "experiments/params.h"

namespace dt {

// Every node probes all others up to this size under `auto`.
inline constexpr uint32_t kAllProbesNodesMax = 64;

ParamSpec probe_scope_param();
// OK when exactly one scope is given.
Status check_probe_scope(const Params& params);
ProbeScope probe_scope_of(const Params& params, uint32_t nodes);

}  // namespace dt
