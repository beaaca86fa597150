#include "core/suspicion_timing.h"

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

std::optional<std::string> probe_suspicion_risk(const Config& config) {
  DT_ASSERT(config.probe_interval_ns > 0, "probe rounds take time");
  const TimeNs round_trip_ns = 2 * config.network_delay_max_ns;
  // The newest round sent by the time a timeout fires started this long
  // before it (a round sent at the same instant as the timeout counts as 0).
  const TimeNs answer_time_ns = config.probe_timeout_ns % config.probe_interval_ns;
  if (answer_time_ns > round_trip_ns) return std::nullopt;
  if (config.probe_timeout_ns < config.probe_interval_ns) {
    return fmt::format(
        "a probe's round trip (up to {} ns) is not shorter than probe_timeout_ns ({} ns)",
        round_trip_ns, config.probe_timeout_ns);
  }
  return fmt::format(
      "probe_timeout_ns ({} ns) reaches past the next probe round (probe_interval_ns {} ns), "
      "so a round's timeout judges a later round's probe, which has had {} ns for a round "
      "trip of up to {} ns",
      config.probe_timeout_ns, config.probe_interval_ns, answer_time_ns, round_trip_ns);
}

std::optional<std::string> replica_timeout_risk(const Config& config) {
  const TimeNs round_trip_ns = 2 * config.network_delay_max_ns;
  if (round_trip_ns < config.replica_timeout_ns) return std::nullopt;
  return fmt::format(
      "a request's round trip (up to {} ns) is not shorter than replica_timeout_ns ({} ns)",
      round_trip_ns, config.replica_timeout_ns);
}

}  // namespace dt
