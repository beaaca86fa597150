#include "core/coverage.h"

namespace dt {

namespace {
constexpr const char* kMarkNames[kCoverageMarkCount] = {
    "fallback_chosen", "hint_stored",      "hint_handed_off",     "hint_lost_on_crash",
    "sibling_created", "read_repair",      "merkle_leaf_reached", "merkle_deep_descent",
    "lww_overwrite",   "tombstone_stored", "request_timeout",     "suspected_peer",
};
}  // namespace

const char* to_string(CoverageMark mark) {
  const auto i = static_cast<size_t>(mark);
  return i < kCoverageMarkCount ? kMarkNames[i] : "?";
}

std::optional<CoverageMark> parse_coverage_mark(std::string_view text) {
  for (size_t i = 0; i < kCoverageMarkCount; ++i) {
    if (text == kMarkNames[i]) return static_cast<CoverageMark>(i);
  }
  return std::nullopt;
}

}  // namespace dt
