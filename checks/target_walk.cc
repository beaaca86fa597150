#include "checks/target_walk.h"

#include <algorithm>

#include "core/assert.h"

namespace dt {

std::optional<TimeNs> worst_case_walk_ns(const Config& config, const std::vector<NodeId>& extended,
                                         const std::vector<bool>& reachable, size_t needed) {
  DT_ASSERT(extended.size() >= config.replicas_n, "extended list shorter than N");
  DT_ASSERT(needed > 0, "a phase needs at least one answer");
  const TimeNs round_trip_ns = 2 * config.network_delay_max_ns;
  const auto answers = [&](NodeId node) { return node < reachable.size() && reachable[node]; };
  size_t answered = 0;
  size_t silent = 0;  // targets that will time out: each starts a chain of fallbacks
  for (size_t i = 0; i < config.replicas_n; ++i) (answers(extended[i]) ? answered : silent) += 1;
  if (answered >= needed) return round_trip_ns;
  if (config.quorum_mode == QuorumMode::strict) return std::nullopt;
  size_t next_fallback = config.replicas_n;
  for (TimeNs asked_ns = config.replica_timeout_ns;
       asked_ns + round_trip_ns < config.request_deadline_ns;
       asked_ns += config.replica_timeout_ns) {
    // Every silent target times out now and is replaced by the next fallback.
    size_t still_silent = 0;
    for (size_t chain = 0; chain < silent && next_fallback < extended.size(); ++chain) {
      (answers(extended[next_fallback++]) ? answered : still_silent) += 1;
    }
    if (answered >= needed) return asked_ns + round_trip_ns;
    silent = still_silent;
    if (silent == 0) break;
  }
  return std::nullopt;
}

}  // namespace dt
