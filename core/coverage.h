// Coverage marks: named counters for rare protocol paths. Nodes emit them as
// effects (no globals), the simulator counts them, campaigns report them and
// tests assert that each was reached.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dt {

enum class CoverageMark : uint8_t {
  fallback_chosen,      // a sloppy put/get picked a node outside the home N
  hint_stored,          // a replica kept a hinted write
  hint_handed_off,      // an intended node stored a handed-off hint
  hint_lost_on_crash,   // a volatile hint died with its holder
  sibling_created,      // a merge kept two concurrent versions
  read_repair,          // a get repaired a stale responder
  merkle_leaf_reached,  // an exchange descended to a differing leaf
  merkle_deep_descent,  // an exchange descended past level 8
  lww_overwrite,        // LWW dropped a concurrent version
  tombstone_stored,     // a delete's tombstone was stored
  request_timeout,      // a request ended at its deadline short of quorum
  suspected_peer,       // a failure detector suspected a peer
  count_,
};

inline constexpr size_t kCoverageMarkCount = static_cast<size_t>(CoverageMark::count_);

const char* to_string(CoverageMark mark);
std::optional<CoverageMark> parse_coverage_mark(std::string_view text);

using CoverageCounts = std::array<uint64_t, kCoverageMarkCount>;

}  // namespace dt
