// Vector clocks: one counter per node, kept sorted by node id with no zero
// entries, so equal clocks have equal representations (canonical order).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/types.h"

namespace dt {

enum class Order { equal, before, after, concurrent };
const char* to_string(Order order);

class VClock {
 public:
  using Entry = std::pair<NodeId, uint64_t>;

  VClock() = default;
  // REQUIRES: entries sorted by node, no duplicates, no zero counters.
  explicit VClock(std::vector<Entry> entries);

  uint64_t get(NodeId node) const;
  // Adds one to `node`'s counter (the coordinator's step for a new version).
  void increment(NodeId node);
  // Pointwise maximum.
  void merge(const VClock& other);
  static VClock merged(const VClock& a, const VClock& b);

  // How this clock relates to `other`: before = this happened-before other.
  Order compare(const VClock& other) const;
  // True when this clock is equal to or after `other`.
  bool descends(const VClock& other) const;

  const std::vector<Entry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  std::string to_string() const;  // "{0:2,3:1}"
  uint64_t hash() const;

  friend bool operator==(const VClock&, const VClock&) = default;
  // A total order (lexicographic on entries) for canonical sorting only.
  friend bool operator<(const VClock& a, const VClock& b) { return a.entries_ < b.entries_; }

 private:
  std::vector<Entry> entries_;
};

}  // namespace dt
