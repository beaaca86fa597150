// The impl's main store: key -> canonical siblings in an open-addressing
// FlatMap, with one IncrementalMerkleTree per partition kept in step with
// every change (O(depth) per change) and per-leaf key lists so a Merkle
// exchange finds a leaf's keys without scanning the store. Keys are only ever
// added (a wipe clears everything), so the lists never need removals.
#pragma once

#include <map>
#include <memory>
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

  // Empty when absent.
  const Siblings& get(Key key) const;
  // Merges into `key`, writing back only when changed. Afterwards
  // out.merged points into the store and out.newly_stored into `incoming`,
  // valid until the next store call.
  void merge(Key key, const Siblings& incoming, SiblingMerge& out);
  void merge_one(Key key, const Version& incoming, SiblingMerge& out);

  uint64_t root(uint32_t partition) const;
  // REQUIRES: partition < Q, level <= depth, index < 2^level.
  uint64_t hash_at(uint32_t partition, uint32_t level, uint32_t index) const;
  // Every key of `partition` in one of `leaves`, key ascending, with siblings.
  std::vector<KeyData> leaf_data(uint32_t partition, const std::vector<uint32_t>& leaves) const;

  // Ascending by key (abstract state, wipe reports).
  std::vector<Key> sorted_keys() const { return entries_.sorted_keys(); }
  std::map<Key, Siblings> snapshot() const;
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear();

 private:
  struct Entry {
    Siblings siblings;
    uint64_t entry_hash = 0;  // this key's current contribution to its leaf
  };
  struct Partition {
    explicit Partition(uint32_t depth)
        : tree(depth), leaf_keys(size_t{1} << depth) {}
    IncrementalMerkleTree tree;
    std::vector<std::vector<Key>> leaf_keys;  // insertion order; sorted on read
  };

  // Stores `merge`'s result for `key` (new or changed) and updates the tree.
  void write_back(Key key, Entry* entry, SiblingMerge& merge);
  Partition& partition_for_write(uint32_t partition);

  uint32_t partitions_q_;
  uint32_t depth_;
  Versioning versioning_;
  FlatMap<Entry> entries_;
  std::vector<std::unique_ptr<Partition>> partitions_;  // allocated at first key
};

}  // namespace dt
