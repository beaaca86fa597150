// The visited set: 64-bit fingerprints in one flat open-addressing table
// (linear probing, load <= 1/2, 0 = empty). 8 bytes per slot, so 16-32
// bytes per state; a fingerprint collision (probability ~ n^2 / 2^65) would
// merge two states, as in TLC.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dt {

class VisitedSet {
 public:
  // REQUIRES: initial_slots is a power of two.
  explicit VisitedSet(size_t initial_slots = size_t{1} << 12);
  // True when `fingerprint` was new. REQUIRES: fingerprint != 0.
  bool insert(uint64_t fingerprint);
  bool contains(uint64_t fingerprint) const;
  size_t size() const { return size_; }
  size_t bytes() const { return slots_.size() * sizeof(uint64_t); }

 private:
  void grow();
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

}  // namespace dt
