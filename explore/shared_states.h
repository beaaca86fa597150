// The states a search has met, shared by its threads: the visited
// fingerprints and, with sleep sets, the steps every path that met a state
// slept on so far. Sharded by fingerprint, one lock per shard, so threads
// that meet different states rarely wait for each other, and a state's
// "visited" mark and its slept-on steps change together.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "explore/visited_set.h"

namespace dt {

class SharedStates {
 public:
  // Marks `fingerprint` visited; when it is new and `slept` is given, also
  // records the steps its first path slept on. True when it was new.
  bool insert(uint64_t fingerprint, const std::vector<uint64_t>* slept);
  // A state met again by a path that sleeps on `asleep_now` (keys): the
  // steps every earlier path slept on but this one does not, which must now
  // be taken from it; they stop counting as slept on. Nothing when there
  // are none (or the state never slept: the root).
  std::optional<std::vector<uint64_t>> wake(uint64_t fingerprint,
                                            const std::vector<uint64_t>& asleep_now);
  // Replaces the slept-on steps of a visited state (BFS merges two paths
  // that met it in one level before either is expanded).
  void set_slept(uint64_t fingerprint, std::vector<uint64_t> slept);

  size_t size() const { return size_.load(std::memory_order_relaxed); }
  size_t bytes() const;

 private:
  struct Shard {
    mutable std::mutex mutex;
    VisitedSet visited{64};  // grows as it fills: small searches stay small
    std::unordered_map<uint64_t, std::vector<uint64_t>> slept;
  };
  static constexpr size_t kShards = 64;
  Shard& shard_of(uint64_t fingerprint) { return shards_[fingerprint >> 58]; }

  std::array<Shard, kShards> shards_;
  std::atomic<size_t> size_{0};
};

}  // namespace dt
