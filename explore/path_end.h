// The end of an explored path, as in the simulator's liveness phase: the
// final heal (network healed, every down node restarted), quiescence rounds
// until the home replicas agree and no hint is left (at most
// config.quiescence_rounds), final reads of every key; then every checker
// on the path's history and trace. The promise matrix decides what is a bug,
// except availability, whose timing rules the asynchronous semantics cannot
// honour (docs/explore.md): its violations are reported, never counted.
//
// The phase is deterministic and synchronous: every in-flight copy is
// delivered (least content first: the order does not depend on the path,
// since the state identity holds copies as a multiset) before any one-shot
// timer fires, so a timeout here never beats a reply.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "checks/verdict.h"
#include "core/history.h"
#include "core/run_record.h"
#include "explore/world.h"

namespace dt {

struct PathVerdict {
  History history;
  ReplicaTrace trace;
  uint64_t digest = 0;
  CheckReport report;
  std::optional<Divergence> divergence;
  size_t promised_violations = 0;  // availability excluded
  std::string failure;             // "property/kind", "refinement", or "" when clean

  bool failed() const { return !failure.empty(); }
};

// How much of a path end to compute. `verdict_only` (the search's many clean
// path ends) skips what does not decide the verdict: the run digest and the
// availability checker, which explore never counts. A failing path is
// finished again in full for its counterexample.
enum class PathDetail { full, verdict_only };

// Consumes `world` (pass a copy to keep exploring from it).
PathVerdict finish_path(World world, PathDetail detail = PathDetail::full);

// Properties whose promised violations explore does not count.
bool judged_by_explore(const std::string& property);

}  // namespace dt
