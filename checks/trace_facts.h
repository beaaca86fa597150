// The replica trace indexed for the checkers: who answered each request, when
// each node first held each write (main store or hint store), when nodes were
// wiped, and the trace records of each key. The trace must outlive it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "core/run_record.h"

namespace dt {

// Stores that put a version into a node's main store (as opposed to its hint store).
bool is_main_store_record(TraceKind kind);

class TraceFacts {
 public:
  TraceFacts(const Config& config, const ReplicaTrace& trace);

  // Sorted, unique nodes that answered request `op_id` (replica_replied).
  std::vector<NodeId> replied(uint64_t op_id) const { return nodes_of(replied_, op_id); }
  // Sorted, unique targets of `op_id` that were fallbacks (target_chosen count = 1).
  std::vector<NodeId> fallbacks(uint64_t op_id) const { return nodes_of(fallbacks_, op_id); }
  // When `node` first held `write_id` in its main store / hint store.
  std::optional<TimeNs> first_main_store_ns(WriteId write_id, NodeId node) const;
  std::optional<TimeNs> first_hint_ns(WriteId write_id, NodeId node) const;
  // The same as positions in trace.records (orders records stamped with equal times).
  std::optional<uint32_t> first_main_store_at(WriteId write_id, NodeId node) const;
  std::optional<uint32_t> first_hint_at(WriteId write_id, NodeId node) const;
  // The first wipe of `node` at a time in [from_ns, to_ns], if any.
  std::optional<TimeNs> wipe_between(NodeId node, TimeNs from_ns, TimeNs to_ns) const;
  // Record positions (into trace.records) that name `key`, in trace order.
  const std::vector<uint32_t>& records_of_key(Key key) const;
  // Record positions of node faults (crashed, wiped), in trace order.
  const std::vector<uint32_t>& node_fault_records() const { return node_faults_; }

 private:
  static uint64_t write_node_key(WriteId write_id, NodeId node);
  // (op id, node) pairs sorted, so the nodes of one op are a contiguous run.
  using OpNodes = std::vector<std::pair<uint64_t, NodeId>>;
  static std::vector<NodeId> nodes_of(const OpNodes& pairs, uint64_t op_id);

  const ReplicaTrace* trace_;
  OpNodes replied_;
  OpNodes fallbacks_;
  // (write_node_key, position) sorted: the first entry of a key is its first store.
  using KeyPositions = std::vector<std::pair<uint64_t, uint32_t>>;
  static std::optional<uint32_t> first_position(const KeyPositions& pairs, uint64_t key);
  KeyPositions main_store_at_;
  KeyPositions hint_at_;
  std::vector<std::vector<TimeNs>> wipes_ns_;  // by node, sorted
  std::unordered_map<Key, std::vector<uint32_t>> records_by_key_;
  std::vector<uint32_t> node_faults_;
};

}  // namespace dt
