#include "experiments/probe_scope.h"

#include <string>

#include "core/assert.h"

namespace dt {

ParamSpec probe_scope_param() {
  return {"probe_scope",
          ParamKind::choice_list,
          "auto",
          "whom failure detectors probe: all, neighbors (ring neighbours and suspected nodes), or "
          "auto (all up to 64 nodes, neighbors above)",
          0,
          0,
          {"auto", "all", "neighbors"}};
}

Status check_probe_scope(const Params& params) {
  if (params.choices("probe_scope").size() != 1) {
    return Status::error("--param probe_scope: give one of auto, all, neighbors");
  }
  return Status::ok();
}

ProbeScope probe_scope_of(const Params& params, uint32_t nodes) {
  DT_ASSERT(check_probe_scope(params).is_ok(), "probe_scope not checked");
  const std::string& scope = params.choices("probe_scope").front();
  if (scope == "all") return ProbeScope::all;
  if (scope == "neighbors") return ProbeScope::neighbors;
  DT_ASSERT(scope == "auto", "unknown probe scope");
  return nodes <= kAllProbesNodesMax ? ProbeScope::all : ProbeScope::neighbors;
}

}  // namespace dt
