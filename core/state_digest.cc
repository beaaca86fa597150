#include "core/state_digest.h"

#include "core/assert.h"
#include "core/hash.h"

namespace dt {

StoreDigest::StoreDigest(size_t keys) : hash_(hash_u64(keys, 0x73746f)), keys_left_(keys) {}

void StoreDigest::add(Key key, const Siblings& siblings) {
  DT_ASSERT(keys_left_ > 0, "store digest given more keys than announced");
  DT_ASSERT(!last_key_ || key > *last_key_, "store digest keys out of order");
  --keys_left_;
  last_key_ = key;
  hash_ = hash_combine(hash_, hash_combine(key, hash_siblings(siblings)));
}

uint64_t StoreDigest::value() const {
  DT_ASSERT(keys_left_ == 0, "store digest read before every announced key");
  return hash_;
}

uint64_t ids_digest(std::span<const NodeId> ids) {
  // No order check here: a node whose abstract state breaks the "sorted"
  // contract must show up as a state difference, not an internal error.
  uint64_t h = hash_u64(ids.size(), 0x696473);
  for (NodeId id : ids) h = hash_combine(h, id);
  return h;
}

uint64_t store_digest(const std::map<Key, Siblings>& store) {
  StoreDigest digest(store.size());
  for (const auto& [key, siblings] : store) digest.add(key, siblings);
  return digest.value();
}

RootsDigest::RootsDigest(size_t partitions)
    : hash_(hash_u64(partitions, 0x726f6f74)), partitions_left_(partitions) {}

void RootsDigest::add(uint32_t partition, uint64_t root) {
  DT_ASSERT(partitions_left_ > 0, "roots digest given more roots than announced");
  DT_ASSERT(int64_t{partition} > last_partition_, "Merkle roots out of partition order");
  --partitions_left_;
  last_partition_ = partition;
  hash_ = hash_combine(hash_, hash_combine(partition, root));
}

uint64_t RootsDigest::value() const {
  DT_ASSERT(partitions_left_ == 0, "roots digest read before every announced root");
  return hash_;
}

void NodeStateDigest::suspected(const std::vector<NodeId>& suspected) {
  this->suspected(ids_digest(suspected));
}

void NodeStateDigest::pending(const std::vector<PendingRequestState>& pending) {
  pending_count(pending.size());
  for (const PendingRequestState& p : pending) {
    pending_request(p.request_id, p.op_id, p.key, ids_digest(p.targets), ids_digest(p.answered));
  }
}

}  // namespace dt
