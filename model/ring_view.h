// Where keys live: the preference list (home N), the extended list (every
// ring node in walk order) and the fallback order (the extended list's tail
// past N). The ring is fixed by the config, so the owner of each partition
// and its homes are computed once (anti-entropy asks for them every round);
// the lists of a key are walked from them on every call.
#pragma once

#include <memory>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

class RingView {
 public:
  // REQUIRES: a valid config with replicas_n <= partitions_q (a ring with
  // fewer partitions than replicas has no preference list).
  explicit RingView(const Config& config);

  uint32_t partition_of_key(Key key) const;
  std::vector<NodeId> preference_list(Key key) const;
  std::vector<NodeId> extended_list(Key key) const;
  std::vector<NodeId> fallback_order(Key key) const;
  // The home replicas of a partition, in preference-list order.
  std::vector<NodeId> partition_homes(uint32_t partition) const;
  // Partitions `node` is a home replica of, ascending.
  std::vector<uint32_t> home_partitions(NodeId node) const;
  bool is_home(NodeId node, Key key) const;

 private:
  // Distinct nodes that own a partition: min(nodes, Q).
  uint32_t ring_node_count() const;
  struct Table {
    std::vector<NodeId> owners;               // partition_owners(config_)
    std::vector<std::vector<NodeId>> homes;   // partition -> its N homes, in walk order
  };
  Config config_;
  // Shared, never changed: copying a view (a node clone in explore) copies
  // no table.
  std::shared_ptr<const Table> table_;
};

}  // namespace dt
