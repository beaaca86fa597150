// NodeState::comparison_digest() built part by part from a node's own
// containers, so lockstep can compare model and impl after every event
// without copying either state into a NodeState (stores, hints and Merkle
// roots copied after every event were most of a large run's time). Each part
// hashes on its own, so a node can keep the digests of its store and roots
// until the store changes. A node feeds the parts in NodeState's field order,
// each container in its canonical order; the value then equals
// `abstract_state().comparison_digest()` exactly
// (tests/fuzz/state_digest_test.cc checks it after every event of model,
// impl and every zoo bug).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/node_state.h"

namespace dt {

// The hash of one key -> siblings map (a main store, or one intended node's
// hints): its size, then each key ascending.
class StoreDigest {
 public:
  explicit StoreDigest(size_t keys);
  void add(Key key, const Siblings& siblings);
  uint64_t value() const;

 private:
  uint64_t hash_;
  size_t keys_left_;
  std::optional<Key> last_key_;  // keys come ascending
};

uint64_t store_digest(const std::map<Key, Siblings>& store);
// The hash of a sorted id list (suspected nodes, a request's targets): its
// size, then each id.
uint64_t ids_digest(std::span<const NodeId> ids);

// ids_digest built one id at a time (from a bitset, say): the count first,
// then each id ascending.
class IdsDigest {
 public:
  explicit IdsDigest(size_t count);
  void add(NodeId id);
  uint64_t value() const;

 private:
  uint64_t hash_;
  size_t ids_left_;
  int64_t last_id_ = -1;  // none yet (an int, not an optional: g++ warns on the inlined optional)
};

// ids_digest of node_of(item) for every item, in ascending order whatever
// the items' order; no allocation for up to 64 items.
template <class Items, class NodeOf>
uint64_t sorted_ids_digest(const Items& items, const NodeOf& node_of) {
  constexpr size_t kInPlace = 64;
  std::array<NodeId, kInPlace> in_place;
  std::vector<NodeId> on_heap;
  NodeId* ids = in_place.data();
  if (items.size() > kInPlace) {
    on_heap.resize(items.size());
    ids = on_heap.data();
  }
  size_t count = 0;
  for (const auto& item : items) ids[count++] = node_of(item);
  std::sort(ids, ids + count);
  return ids_digest(std::span<const NodeId>(ids, count));
}

// The hash of a node's Merkle roots: their count, then each partition
// ascending with its root.
class RootsDigest {
 public:
  explicit RootsDigest(size_t partitions);
  void add(uint32_t partition, uint64_t root);
  uint64_t value() const;

 private:
  uint64_t hash_;
  size_t partitions_left_;
  int64_t last_partition_ = -1;
};

class NodeStateDigest {
 public:
  explicit NodeStateDigest(NodeId node);
  // In this order, each once (hinted once per intended node, ascending).
  void store(uint64_t store_digest);
  void hint_count(size_t intended_nodes);
  void hinted(NodeId intended, uint64_t store_digest);
  void suspected(const std::vector<NodeId>& suspected);
  void suspected(uint64_t suspected_ids_digest);
  void pending(const std::vector<PendingRequestState>& pending);
  // pending() without building the list: the count, then each request in
  // ascending id with the ids_digest of its sorted targets and answers.
  void pending_count(size_t requests);
  void pending_request(RequestId request_id, uint64_t op_id, Key key, uint64_t targets_digest,
                       uint64_t answered_digest);
  void roots(uint64_t roots_digest);
  uint64_t value() const;

 private:
  enum class Part { store, hint_count, hinted, suspected, pending, pending_request, roots, done };
  void advance(Part from, Part to);

  uint64_t hash_;
  Part next_ = Part::store;
  size_t hints_left_ = 0;
  size_t requests_left_ = 0;
};

// IdsDigest inline: the suspected sets and open requests feed it per event.
inline IdsDigest::IdsDigest(size_t count) : hash_(hash_u64(count, 0x696473)), ids_left_(count) {}

inline void IdsDigest::add(NodeId id) {
  DT_ASSERT(ids_left_ > 0, "id digest given more ids than announced");
  DT_ASSERT(int64_t{id} > last_id_, "id digest ids out of order");
  --ids_left_;
  last_id_ = id;
  hash_ = hash_combine(hash_, id);
}

inline uint64_t IdsDigest::value() const {
  DT_ASSERT(ids_left_ == 0, "id digest read before every announced id");
  return hash_;
}

// NodeStateDigest inline: lockstep feeds it seven parts per node after
// every event.
inline NodeStateDigest::NodeStateDigest(NodeId node) : hash_(hash_u64(node, 0x6e6f6465)) {}

inline void NodeStateDigest::advance(Part from, Part to) {
  DT_ASSERT(next_ == from, "node state digest parts out of order");
  next_ = to;
}

inline void NodeStateDigest::store(uint64_t store_digest) {
  advance(Part::store, Part::hint_count);
  hash_ = hash_combine(hash_, store_digest);
}

inline void NodeStateDigest::hint_count(size_t intended_nodes) {
  advance(Part::hint_count, intended_nodes == 0 ? Part::suspected : Part::hinted);
  hints_left_ = intended_nodes;
  hash_ = hash_combine(hash_, intended_nodes);
}

inline void NodeStateDigest::hinted(NodeId intended, uint64_t store_digest) {
  DT_ASSERT(next_ == Part::hinted && hints_left_ > 0, "hinted store not announced");
  if (--hints_left_ == 0) next_ = Part::suspected;
  hash_ = hash_combine(hash_, hash_combine(intended, store_digest));
}

inline void NodeStateDigest::suspected(uint64_t suspected_ids_digest) {
  advance(Part::suspected, Part::pending);
  hash_ = hash_combine(hash_, suspected_ids_digest);
}

inline void NodeStateDigest::pending_count(size_t requests) {
  advance(Part::pending, requests == 0 ? Part::roots : Part::pending_request);
  requests_left_ = requests;
  hash_ = hash_combine(hash_, requests);
}

inline void NodeStateDigest::pending_request(RequestId request_id, uint64_t op_id, Key key,
                                             uint64_t targets_digest, uint64_t answered_digest) {
  // No id-order check: pending(vector) feeds a node's built state through
  // here, and a broken order must show up as a state difference.
  DT_ASSERT(next_ == Part::pending_request && requests_left_ > 0, "pending request not announced");
  if (--requests_left_ == 0) next_ = Part::roots;
  hash_ = hash_combine(hash_, hash_combine(request_id, op_id));
  hash_ = hash_combine(hash_, hash_combine(key, hash_combine(targets_digest, answered_digest)));
}

inline void NodeStateDigest::roots(uint64_t roots_digest) {
  advance(Part::roots, Part::done);
  hash_ = hash_combine(hash_, roots_digest);
}

inline uint64_t NodeStateDigest::value() const {
  DT_ASSERT(next_ == Part::done, "node state digest read before every part");
  return hash_;
}

}  // namespace dt
