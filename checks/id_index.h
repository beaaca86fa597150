// A map from ids (write ids, op ids) to positions. Ids handed out by a counter
// are dense, so they live in a plain vector; ids far beyond the expected count
// fall back to a hash map. One allocation instead of one per entry.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/assert.h"

namespace dt {

class IdIndex {
 public:
  // Ids below `dense_limit` are stored densely.
  explicit IdIndex(uint64_t dense_limit = 0) : dense_limit_(dense_limit) {}

  // False (and no change) when `id` is already present.
  bool insert(uint64_t id, uint32_t position) {
    DT_ASSERT(position != kAbsent, "position reserved for absent ids");
    if (id < dense_limit_) {
      if (id >= dense_.size()) {
        dense_.resize(std::min(dense_limit_, std::max<uint64_t>(id + 1, dense_.size() * 2)),
                      kAbsent);
      }
      if (dense_[id] != kAbsent) return false;
      dense_[id] = position;
      return true;
    }
    const bool inserted = sparse_.emplace(id, position).second;
    DT_ASSERT(!inserted || sparse_.at(id) == position, "sparse insert lost");
    return inserted;
  }

  std::optional<uint32_t> find(uint64_t id) const {
    if (id < dense_.size()) {
      if (dense_[id] == kAbsent) return std::nullopt;
      return dense_[id];
    }
    if (sparse_.empty()) return std::nullopt;
    const auto it = sparse_.find(id);
    if (it == sparse_.end()) return std::nullopt;
    return it->second;
  }

 private:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();
  uint64_t dense_limit_;
  std::vector<uint32_t> dense_;
  std::unordered_map<uint64_t, uint32_t> sparse_;
};

}  // namespace dt
