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

// The same hash as ids_digest, step by step; the walks that feed it go over
// bitsets and flags, so their ids always ascend.
IdsDigest::IdsDigest(size_t count) : hash_(hash_u64(count, 0x696473)), ids_left_(count) {}

void IdsDigest::add(NodeId id) {
  DT_ASSERT(ids_left_ > 0, "id digest given more ids than announced");
  DT_ASSERT(!last_id_ || id > *last_id_, "id digest ids out of order");
  --ids_left_;
  last_id_ = id;
  hash_ = hash_combine(hash_, id);
}

uint64_t IdsDigest::value() const {
  DT_ASSERT(ids_left_ == 0, "id digest read before every announced id");
  return hash_;
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

NodeStateDigest::NodeStateDigest(NodeId node) : hash_(hash_u64(node, 0x6e6f6465)) {}

void NodeStateDigest::advance(Part from, Part to) {
  DT_ASSERT(next_ == from, "node state digest parts out of order");
  next_ = to;
}

void NodeStateDigest::store(uint64_t store_digest) {
  advance(Part::store, Part::hint_count);
  hash_ = hash_combine(hash_, store_digest);
}

void NodeStateDigest::hint_count(size_t intended_nodes) {
  advance(Part::hint_count, intended_nodes == 0 ? Part::suspected : Part::hinted);
  hints_left_ = intended_nodes;
  hash_ = hash_combine(hash_, intended_nodes);
}

void NodeStateDigest::hinted(NodeId intended, uint64_t store_digest) {
  DT_ASSERT(next_ == Part::hinted && hints_left_ > 0, "hinted store not announced");
  if (--hints_left_ == 0) next_ = Part::suspected;
  hash_ = hash_combine(hash_, hash_combine(intended, store_digest));
}

void NodeStateDigest::suspected(const std::vector<NodeId>& suspected) {
  this->suspected(ids_digest(suspected));
}

void NodeStateDigest::suspected(uint64_t suspected_ids_digest) {
  advance(Part::suspected, Part::pending);
  hash_ = hash_combine(hash_, suspected_ids_digest);
}

void NodeStateDigest::pending(const std::vector<PendingRequestState>& pending) {
  pending_count(pending.size());
  for (const PendingRequestState& p : pending) {
    pending_request(p.request_id, p.op_id, p.key, ids_digest(p.targets), ids_digest(p.answered));
  }
}

void NodeStateDigest::pending_count(size_t requests) {
  advance(Part::pending, requests == 0 ? Part::roots : Part::pending_request);
  requests_left_ = requests;
  hash_ = hash_combine(hash_, requests);
}

void NodeStateDigest::pending_request(RequestId request_id, uint64_t op_id, Key key,
                                      uint64_t targets_digest, uint64_t answered_digest) {
  // No id-order check: pending(vector) feeds a node's built state through
  // here, and a broken order must show up as a state difference.
  DT_ASSERT(next_ == Part::pending_request && requests_left_ > 0, "pending request not announced");
  if (--requests_left_ == 0) next_ = Part::roots;
  hash_ = hash_combine(hash_, hash_combine(request_id, op_id));
  hash_ = hash_combine(hash_, hash_combine(key, hash_combine(targets_digest, answered_digest)));
}

void NodeStateDigest::roots(uint64_t roots_digest) {
  advance(Part::roots, Part::done);
  hash_ = hash_combine(hash_, roots_digest);
}

uint64_t NodeStateDigest::value() const {
  DT_ASSERT(next_ == Part::done, "node state digest read before every part");
  return hash_;
}

}  // namespace dt
