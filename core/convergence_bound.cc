#include "core/convergence_bound.h"

#include <fmt/format.h>

#include "core/assert.h"
#include "core/ring.h"
#include "core/suspicion_timing.h"

namespace dt {

ConvergenceBound quiescence_rounds_needed(const Config& config) {
  ConvergenceBound bound;
  bound.cycle_exchanges = anti_entropy_cycle_rounds(config);
  const TimeNs delay_ns = config.network_delay_max_ns;
  // A suspected peer's pair is skipped until the next cycle, so suspicions
  // of reachable peers must end with the heal's settling.
  if (const std::optional<std::string> risk = probe_suspicion_risk(config)) {
    bound.why_none = "healthy peers can stay suspected: " + *risk;
    return bound;
  }
  // An exchange walks the trees level by level, then sends leaf data both
  // ways; the next round abandons one still in flight.
  const TimeNs exchange_ns = (TimeNs{config.merkle_depth} + 1) * 2 * delay_ns;
  if (exchange_ns >= config.anti_entropy_interval_ns) {
    bound.why_none = fmt::format(
        "a Merkle exchange of depth {} takes up to {} ns, not shorter than "
        "anti_entropy_interval_ns ({} ns), so the next round can abandon every exchange",
        config.merkle_depth, exchange_ns, config.anti_entropy_interval_ns);
    return bound;
  }
  // Open requests end by their deadline; then suspicions clear (a probe
  // round and its timeout), then hints move (a handoff round, offer and ack).
  const TimeNs settle_ns = config.request_deadline_ns + config.probe_interval_ns +
                           config.probe_timeout_ns + config.handoff_interval_ns + 6 * delay_ns;
  const TimeNs pass_ns =
      (TimeNs{bound.cycle_exchanges} + 1) * config.anti_entropy_interval_ns + exchange_ns;
  const TimeNs round_ns = config.quiescence_round_ns();
  DT_ASSERT(round_ns > 0, "a quiescence round takes time");
  // +1: quiescence is checked at round ends only.
  bound.rounds = (settle_ns + pass_ns + round_ns - 1) / round_ns + 1;
  return bound;
}

}  // namespace dt
