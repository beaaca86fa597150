// A small open-addressing hash map from a 64-bit integer key to V: linear
// probing over a power-of-two table, backward-shift deletion (no tombstones).
// Iteration order is the table order, which depends on the hash: callers whose
// iteration reaches an effect must sort the keys first (see sorted_keys()).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/assert.h"

namespace dt {

template <typename V>
class FlatMap {
 public:
  FlatMap() = default;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t capacity() const { return slots_.size(); }

  // Null when absent. The pointer is invalidated by any insert or erase.
  V* find(uint64_t key) {
    if (slots_.empty()) return nullptr;
    for (size_t i = home(key);; i = next(i)) {
      Slot& slot = slots_[i];
      if (!slot.entry) return nullptr;
      if (slot.entry->first == key) return &slot.entry->second;
    }
  }
  const V* find(uint64_t key) const { return const_cast<FlatMap*>(this)->find(key); }

  // The value of `key`, default-constructed when it was absent.
  V& operator[](uint64_t key) {
    if (V* found = find(key)) return *found;
    grow_if_needed();
    size_t i = home(key);
    while (slots_[i].entry) i = next(i);
    slots_[i].entry.emplace(key, V{});
    ++size_;
    DT_ASSERT(size_ < slots_.size(), "flat map has no free slot");
    return slots_[i].entry->second;
  }

  // Removes `key`; false when absent. Later entries of its probe run shift
  // back so lookups never need tombstones.
  bool erase(uint64_t key) {
    if (slots_.empty()) return false;
    size_t i = home(key);
    while (slots_[i].entry && slots_[i].entry->first != key) i = next(i);
    if (!slots_[i].entry) return false;
    slots_[i].entry.reset();
    for (size_t j = next(i); slots_[j].entry; j = next(j)) {
      const size_t want = home(slots_[j].entry->first);
      // Move j back into the hole i when its home is not in (i, j] cyclically.
      const bool stays = (i < j) ? (want > i && want <= j) : (want > i || want <= j);
      if (stays) continue;
      slots_[i].entry = std::move(slots_[j].entry);
      slots_[j].entry.reset();
      i = j;
    }
    --size_;
    DT_ASSERT(!find(key), "erased key still found");
    return true;
  }

  void clear() {
    slots_.clear();
    size_ = 0;
  }

  // Calls f(key, value) for every entry, in table (hash) order.
  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& slot : slots_) {
      if (slot.entry) f(slot.entry->first, slot.entry->second);
    }
  }

  // Every key, ascending: the order effects need.
  std::vector<uint64_t> sorted_keys() const {
    std::vector<uint64_t> keys;
    keys.reserve(size_);
    for_each([&](uint64_t key, const V&) { keys.push_back(key); });
    std::sort(keys.begin(), keys.end());
    DT_ASSERT(keys.size() == size_, "flat map size out of step with its slots");
    return keys;
  }

 private:
  struct Slot {
    std::optional<std::pair<uint64_t, V>> entry;
  };

  // Fibonacci hashing: spreads small consecutive keys over the table.
  size_t home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  size_t next(size_t i) const { return (i + 1) & (slots_.size() - 1); }

  // Keeps the load factor at most 3/4.
  void grow_if_needed() {
    if (!slots_.empty() && (size_ + 1) * 4 <= slots_.size() * 3) return;
    const size_t new_capacity = slots_.empty() ? 16 : slots_.size() * 2;
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(new_capacity);
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(new_capacity));
    for (Slot& slot : old) {
      if (!slot.entry) continue;
      size_t i = home(slot.entry->first);
      while (slots_[i].entry) i = next(i);
      slots_[i].entry = std::move(slot.entry);
    }
    DT_ASSERT((slots_.size() & (slots_.size() - 1)) == 0, "capacity not a power of two");
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  unsigned shift_ = 64;
};

}  // namespace dt
