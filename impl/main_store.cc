#include "impl/main_store.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "core/assert.h"
#include "core/ring.h"
#include "core/state_digest.h"

namespace dt {

MainStore::MainStore(const Config& config)
    : partitions_q_(config.partitions_q),
      depth_(config.merkle_depth),
      versioning_(config.versioning),
      partitions_(config.partitions_q) {
  DT_ASSERT(partitions_q_ > 0, "store over no partitions");
  DT_ASSERT(depth_ <= 24, "merkle depth too large");
}

MainStore::MainStore(const MainStore& other)
    : partitions_q_(other.partitions_q_),
      depth_(other.depth_),
      versioning_(other.versioning_),
      merge_skips_tree_(other.merge_skips_tree_),
      collisions_(other.collisions_),
      entries_(other.entries_),
      partitions_(other.partitions_.size()),
      generation_(other.generation_) {  // a copy's cached digests stay in step
  for (size_t p = 0; p < partitions_.size(); ++p) {
    if (other.partitions_[p]) partitions_[p] = std::make_unique<Partition>(*other.partitions_[p]);
  }
  DT_ASSERT(partitions_.size() == partitions_q_, "copied store lost partitions");
}

const Siblings& MainStore::get(Key key) const {
  static const Siblings kNone;
  const Entry* entry = entries_.find(key);
  return entry ? entry->siblings : kNone;
}

void MainStore::merge(Key key, const Siblings& incoming, SiblingMerge& out) {
  Entry* entry = entries_.find(key);
  static const Siblings kNone;
  merge_siblings_into(entry ? entry->siblings : kNone, incoming, versioning_, out, collisions_);
  if (out.changed) write_back(key, entry, out, !merge_skips_tree_);
  DT_ASSERT(!out.changed || entries_.find(key), "merged key missing from the store");
}

void MainStore::merge_one(Key key, const Version& incoming, SiblingMerge& out) {
  Entry* entry = entries_.find(key);
  static const Siblings kNone;
  merge_one_into(entry ? entry->siblings : kNone, incoming, versioning_, out, collisions_);
  if (out.changed) write_back(key, entry, out);
  DT_ASSERT(!out.changed || entries_.find(key), "merged key missing from the store");
}

MainStore::Partition& MainStore::partition_for_write(uint32_t partition) {
  DT_ASSERT(partition < partitions_q_, "partition out of range");
  std::unique_ptr<Partition>& slot = partitions_[partition];
  if (!slot) slot = std::make_unique<Partition>(depth_);
  DT_ASSERT(slot->tree.depth() == depth_, "partition tree of the wrong depth");
  return *slot;
}

void MainStore::write_back(Key key, Entry* entry, SiblingMerge& merge, bool track_tree) {
  DT_ASSERT(!merge.merged.empty(), "writing back an empty sibling set");
  // Materialize before touching the map: `merge` may point into the old set.
  Siblings merged = merge.materialize();
  ++generation_;
  if (entry == nullptr) {
    const uint32_t partition = partition_of(key, partitions_q_);
    const uint32_t leaf = merkle_leaf_of(key, depth_);
    partition_for_write(partition).leaf_keys.emplace_back(leaf, key);
    entry = &entries_[key];  // may rehash: `entry` was null, nothing dangles
    entry->partition = partition;
    entry->leaf = leaf;
  }
  entry->siblings = std::move(merged);
  if (track_tree && !entry->hash_stale) {
    entry->hash_stale = true;
    partition_for_write(entry->partition).stale_keys.push_back(key);
  }
  merge.merged.clear();
  for (const Version& v : entry->siblings) merge.merged.push_back(&v);
  DT_ASSERT(entries_.find(key) == entry, "entry moved while written back");
}

const MainStore::Partition* MainStore::refreshed(uint32_t partition) const {
  DT_ASSERT(partition < partitions_q_, "partition out of range");
  Partition* part = partitions_[partition].get();
  if (!part) return nullptr;
  for (Key key : part->stale_keys) {
    Entry* entry = entries_.find(key);
    DT_ASSERT(entry != nullptr && entry->hash_stale, "stale list out of step with the store");
    const uint64_t fresh = merkle_entry_hash(key, hash_siblings(entry->siblings));
    part->tree.update(entry->leaf, entry->entry_hash, fresh);
    entry->entry_hash = fresh;
    entry->hash_stale = false;
  }
  part->stale_keys.clear();
  return part;
}

uint64_t MainStore::root(uint32_t partition) const {
  const Partition* part = refreshed(partition);
  return part ? part->tree.root() : empty_subtree_hash(depth_);
}

uint64_t MainStore::hash_at(uint32_t partition, uint32_t level, uint32_t index) const {
  DT_ASSERT(level <= depth_ && index < (uint64_t{1} << level), "tree node out of range");
  const Partition* part = refreshed(partition);
  return part ? part->tree.hash_at(level, index) : empty_subtree_hash(depth_ - level);
}

std::vector<KeyData> MainStore::leaf_data(uint32_t partition,
                                          const std::vector<uint32_t>& leaves) const {
  DT_ASSERT(partition < partitions_q_, "partition out of range");
  std::vector<KeyData> data;
  Partition* part = partitions_[partition].get();
  if (!part) return data;
  std::vector<uint32_t> distinct = leaves;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::pair<uint32_t, Key>>& listed = part->leaf_keys;
  if (part->sorted_leaf_keys < listed.size()) {  // keys added since the last read
    const auto added = listed.begin() + static_cast<std::ptrdiff_t>(part->sorted_leaf_keys);
    std::sort(added, listed.end());
    std::inplace_merge(listed.begin(), added, listed.end());
    part->sorted_leaf_keys = listed.size();
  }
  std::vector<Key> keys;
  for (uint32_t leaf : distinct) {
    DT_ASSERT(leaf < (uint64_t{1} << depth_), "leaf index out of range");
    auto it = std::lower_bound(listed.begin(), listed.end(), std::make_pair(leaf, Key{0}));
    for (; it != listed.end() && it->first == leaf; ++it) keys.push_back(it->second);
  }
  std::sort(keys.begin(), keys.end());
  data.reserve(keys.size());
  for (Key key : keys) data.push_back(KeyData{key, get(key)});
  return data;
}

std::vector<std::pair<Key, const Siblings*>> MainStore::sorted_entries() const {
  std::vector<std::pair<Key, const Siblings*>> sorted;
  sorted.reserve(entries_.size());
  entries_.for_each(
      [&](Key key, const Entry& entry) { sorted.emplace_back(key, &entry.siblings); });
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return sorted;
}

std::map<Key, Siblings> MainStore::snapshot() const {
  // Sorted first, then appended at the map's end: no tree search per key.
  std::map<Key, Siblings> view;
  for (const auto& [key, siblings] : sorted_entries()) {
    view.emplace_hint(view.end(), key, *siblings);
  }
  DT_ASSERT(view.size() == entries_.size(), "snapshot lost a key");
  return view;
}

uint64_t MainStore::digest() const {
  const std::vector<std::pair<Key, const Siblings*>> sorted = sorted_entries();
  StoreDigest digest(sorted.size());
  for (const auto& [key, siblings] : sorted) digest.add(key, *siblings);
  return digest.value();
}

void MainStore::clear() {
  ++generation_;
  entries_.clear();
  for (std::unique_ptr<Partition>& part : partitions_) part.reset();
  DT_ASSERT(entries_.empty(), "store not empty after clear");
}

}  // namespace dt
