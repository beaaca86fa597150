// The one op/fault decoder: any byte string -> a valid schedule. Shared by the
// libFuzzer targets, the campaign runner (`run --seed`, `campaign`) and the
// RapidCheck generators, so all three explore the same space.
//
// Swarm testing: the first bytes also choose which fault kinds are on at all
// and how many faults the run gets, so different seeds stress different mixes.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/schedule.h"

namespace dt {

struct SwarmProfile {
  bool crash = false;
  bool wipe = false;
  bool pause = false;
  bool partition = false;
  bool link = false;
  bool clock_skew = false;
  uint32_t fault_events = 0;  // faults drawn (restarts/resumes/heals come on top)

  friend bool operator==(const SwarmProfile&, const SwarmProfile&) = default;
  // "crash+partition+link faults=7"
  std::string describe() const;
};

struct DecodedSchedule {
  Schedule schedule;
  SwarmProfile swarm;
};

// Total: never fails, never asserts on input; the result always validates.
DecodedSchedule decode_schedule(std::span<const uint8_t> bytes);
// The schedule for a seed: decode bytes drawn from Prng(seed); schedule.seed = seed.
DecodedSchedule draw_schedule(uint64_t seed);

}  // namespace dt
