// Reads typed choices out of arbitrary bytes, libFuzzer-style: every read is
// total (exhausted input reads as zeros), so any byte string decodes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/assert.h"

namespace dt {

class ByteReader {
 public:
  explicit ByteReader(std::span<const uint8_t> bytes) : bytes_(bytes) {}

  uint8_t u8() { return pos_ < bytes_.size() ? bytes_[pos_++] : 0; }
  uint64_t u64() {
    uint64_t x = 0;
    for (int i = 0; i < 8; ++i) x = (x << 8) | u8();
    return x;
  }
  // A value in [lo, hi] from as few bytes as the range needs.
  uint64_t in_range(uint64_t lo, uint64_t hi) {
    DT_ASSERT(lo <= hi, "in_range with lo > hi");
    const uint64_t span = hi - lo;
    if (span == 0) return lo;
    uint64_t x = 0;
    for (uint64_t covered = 0; covered < span; covered = (covered << 8) | 0xFF) x = (x << 8) | u8();
    return lo + (span == UINT64_MAX ? x : x % (span + 1));
  }
  bool flag() { return (u8() & 1) != 0; }
  // One of `count` choices.
  size_t pick(size_t count) {
    DT_ASSERT(count > 0, "pick from nothing");
    return static_cast<size_t>(in_range(0, count - 1));
  }
  bool exhausted() const { return pos_ >= bytes_.size(); }
  size_t consumed() const { return pos_; }

 private:
  std::span<const uint8_t> bytes_;
  size_t pos_ = 0;
};

}  // namespace dt
