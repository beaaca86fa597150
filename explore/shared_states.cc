#include "explore/shared_states.h"

#include <algorithm>

namespace dt {

static_assert(64 == (uint64_t{1} << 6), "kShards is the top 6 bits of a fingerprint");

bool SharedStates::insert(uint64_t fingerprint, const std::vector<uint64_t>* slept) {
  Shard& shard = shard_of(fingerprint);
  const std::lock_guard lock(shard.mutex);
  if (!shard.visited.insert(fingerprint)) return false;
  // Nothing slept on is never woken: an empty set needs no entry (wake
  // answers nothing for a state without one, as for the root).
  if (slept != nullptr && !slept->empty()) shard.slept.emplace(fingerprint, *slept);
  size_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

std::optional<std::vector<uint64_t>> SharedStates::wake(uint64_t fingerprint,
                                                        const std::vector<uint64_t>& asleep_now) {
  Shard& shard = shard_of(fingerprint);
  const std::lock_guard lock(shard.mutex);
  auto it = shard.slept.find(fingerprint);
  if (it == shard.slept.end()) return std::nullopt;
  auto still_asleep = [&](uint64_t key) {
    return std::find(asleep_now.begin(), asleep_now.end(), key) != asleep_now.end();
  };
  std::vector<uint64_t> woken;
  for (uint64_t key : it->second) {
    if (!still_asleep(key)) woken.push_back(key);
  }
  if (woken.empty()) return std::nullopt;
  std::erase_if(it->second, [&](uint64_t key) { return !still_asleep(key); });
  if (it->second.empty()) shard.slept.erase(it);
  return woken;
}

void SharedStates::set_slept(uint64_t fingerprint, std::vector<uint64_t> slept) {
  Shard& shard = shard_of(fingerprint);
  const std::lock_guard lock(shard.mutex);
  if (slept.empty()) {
    shard.slept.erase(fingerprint);
  } else {
    shard.slept[fingerprint] = std::move(slept);
  }
}

size_t SharedStates::bytes() const {
  size_t total = 0;
  for (const Shard& shard : shards_) {
    const std::lock_guard lock(shard.mutex);
    total += shard.visited.bytes();
  }
  return total;
}

}  // namespace dt
