// The impl's main store: key -> canonical siblings in an open-addressing
// FlatMap, with one IncrementalMerkleTree per partition and a (leaf, key)
// list per partition so a Merkle exchange finds a leaf's keys without
// scanning the store.
// A change only marks its key stale; the first tree read of the partition
// folds every stale key's new entry hash into the tree (O(depth) per change
// at most), so a burst of writes between exchanges hashes each key once.
// Keys are only ever added (a wipe clears everything): the lists never shrink.
#pragma once

#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/version.h"
#include "impl/flat_map.h"
#include "impl/incremental_merkle.h"
#include "impl/sibling_merge.h"

namespace dt {

class MainStore {
 public:
  explicit MainStore(const Config& config);
  // Deep copy (the explorer clones nodes): partitions are owned, not shared.
  MainStore(const MainStore& other);
  MainStore& operator=(const MainStore&) = delete;

  // Empty when absent.
  const Siblings& get(Key key) const;
  // Merges into `key`, writing back only when changed. Afterwards
  // out.merged points into the store and out.newly_stored into `incoming`,
  // valid until the next store call.
  void merge(Key key, const Siblings& incoming, SiblingMerge& out);
  void merge_one(Key key, const Version& incoming, SiblingMerge& out);
  // Bug zoo (merkle_leaf_not_updated_on_repair): merge() leaves the tree as is.
  void set_merge_skips_tree(bool skip) { merge_skips_tree_ = skip; }
  // Bug zoo (vclock_reset_after_wipe): merges keep an incoming version whose dot
  // an older, different version already holds.
  void set_dot_collisions(DotCollision collisions) { collisions_ = collisions; }

  uint64_t root(uint32_t partition) const;
  // REQUIRES: partition < Q, level <= depth, index < 2^level.
  uint64_t hash_at(uint32_t partition, uint32_t level, uint32_t index) const;
  // Every key of `partition` in one of `leaves`, key ascending, with siblings.
  std::vector<KeyData> leaf_data(uint32_t partition, const std::vector<uint32_t>& leaves) const;

  // Ascending by key (abstract state, wipe reports).
  std::vector<Key> sorted_keys() const { return entries_.sorted_keys(); }
  std::map<Key, Siblings> snapshot() const;
  // store_digest(snapshot()), without building the snapshot.
  uint64_t digest() const;
  // Bumped by every write and clear: a value derived from the store (its
  // digest, its roots) stays valid while the generation it was computed at is current.
  uint64_t generation() const { return generation_; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear();

 private:
  struct Entry {
    Siblings siblings;
    uint64_t entry_hash = 0;  // the contribution its leaf holds now (0 = none yet)
    uint32_t partition = 0;
    uint32_t leaf = 0;
    bool hash_stale = false;  // siblings changed since entry_hash was folded in
  };
  struct Partition {
    explicit Partition(uint32_t depth) : tree(depth) {}
    IncrementalMerkleTree tree;
    // (leaf, key) for every key of the partition: new keys at the end,
    // sorted by (leaf, key) when a Merkle exchange reads leaves. One list per
    // leaf cost 24 bytes a leaf before any key, 24 KB at depth 10, for
    // partitions that may hold a hundred keys: on a 1000-node cluster that
    // was 170 MB of memory to zero and touch.
    std::vector<std::pair<uint32_t, Key>> leaf_keys;
    size_t sorted_leaf_keys = 0;  // leaf_keys[0, sorted_leaf_keys) is sorted
    std::vector<Key> stale_keys;  // entries with hash_stale set
  };

  // Every entry, key ascending (pointers into the store).
  std::vector<std::pair<Key, const Siblings*>> sorted_entries() const;
  // Stores `merge`'s result for `key` (new or changed) and marks it stale.
  void write_back(Key key, Entry* entry, SiblingMerge& merge, bool track_tree = true);
  Partition& partition_for_write(uint32_t partition);
  // Folds the stale keys' entry hashes into the partition's tree.
  const Partition* refreshed(uint32_t partition) const;

  uint32_t partitions_q_;
  uint32_t depth_;
  Versioning versioning_;
  bool merge_skips_tree_ = false;
  DotCollision collisions_ = DotCollision::impossible;
  // Mutable: a tree read settles the deferred hashes (a cache; the values
  // a reader sees are the same as with eager updates).
  mutable FlatMap<Entry> entries_;
  std::vector<std::unique_ptr<Partition>> partitions_;  // allocated at first key
  uint64_t generation_ = 0;
};

}  // namespace dt
