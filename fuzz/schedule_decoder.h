// The one op/fault decoder: any byte string -> a valid schedule. Shared by the
// libFuzzer targets, the campaign runner (`run --seed`, `campaign`) and the
// RapidCheck generators, so all three explore the same space.
//
// Swarm testing: the first bytes also choose which fault kinds are on at all
// and how many faults the run gets, so different seeds stress different mixes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

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

// How large a drawn cluster and workload are. `small` is what campaigns and
// the libFuzzer targets draw by default (3-6 nodes, N <= 4, up to 60 ops):
// small runs are fast and minimize well. `large` draws clusters of 7-40
// nodes, N up to 6, Q 64 or 128, up to 16 clients, 64 keys and 600 ops, up
// to 30 faults, and timings (delays and their distribution, replica timeout,
// request deadline, probe, handoff and anti-entropy intervals) other than the
// defaults, so the checkers are judged on the configs users study too.
// `huge` is `large` past 64 nodes (65-128 nodes, Q 128 or 256), where the
// impl's node sets take several words and partitions are drawn node by node.
// All read the same bytes in the same order; only the ranges differ (and a
// partition of 64 or more nodes reads its own bytes), so a small draw is the
// same as before the large one existed, and a large one as before huge.
enum class DrawScale { small, large, huge };

const char* to_string(DrawScale scale);
// "small", "large" or "huge"; nullopt otherwise.
std::optional<DrawScale> parse_draw_scale(std::string_view text);

struct DecodedSchedule {
  Schedule schedule;
  SwarmProfile swarm;
};

// Total: never fails, never asserts on input; the result always validates.
DecodedSchedule decode_schedule(std::span<const uint8_t> bytes,
                                DrawScale scale = DrawScale::small);
// The schedule for a seed: decode bytes drawn from Prng(seed); schedule.seed = seed.
DecodedSchedule draw_schedule(uint64_t seed, DrawScale scale = DrawScale::small);

}  // namespace dt
