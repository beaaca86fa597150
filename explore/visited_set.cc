#include "explore/visited_set.h"

#include "core/assert.h"

namespace dt {

namespace {

// Fingerprints are hashes already, but mix again so low bits spread.
size_t slot_of(uint64_t fingerprint, size_t mask) {
  return static_cast<size_t>((fingerprint * 0x9E3779B97F4A7C15ull) >> 17) & mask;
}

}  // namespace

VisitedSet::VisitedSet(size_t initial_slots) : slots_(initial_slots, 0) {
  DT_ASSERT(initial_slots >= 2 && (initial_slots & (initial_slots - 1)) == 0,
            "visited set: slots a power of two");
}

bool VisitedSet::insert(uint64_t fingerprint) {
  DT_ASSERT(fingerprint != 0, "fingerprint 0 is reserved");
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = slot_of(fingerprint, mask);; i = (i + 1) & mask) {
    if (slots_[i] == fingerprint) return false;
    if (slots_[i] == 0) {
      slots_[i] = fingerprint;
      ++size_;
      return true;
    }
  }
}

bool VisitedSet::contains(uint64_t fingerprint) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = slot_of(fingerprint, mask);; i = (i + 1) & mask) {
    if (slots_[i] == fingerprint) return true;
    if (slots_[i] == 0) return false;
  }
}

void VisitedSet::grow() {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  size_ = 0;
  for (uint64_t f : old) {
    if (f != 0) insert(f);
  }
  DT_ASSERT(size_ * 2 <= slots_.size(), "visited set over half full after growing");
}

}  // namespace dt
