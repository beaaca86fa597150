// The simulated network between nodes: a per-message delay drawn from the
// config's base delay distribution (so messages reorder), per-directed-link
// fault overrides (drop, duplicate, uniform delay range) and partitions.
// All randomness comes from the Prng handed in (the run's network stream).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "core/prng.h"
#include "core/types.h"
#include "sim/delay_draw.h"

namespace dt {

// Faults on one directed link, set by a `link` schedule event.
struct LinkFault {
  uint32_t drop_ppm = 0;       // each copy lost with this probability
  uint32_t duplicate_ppm = 0;  // a second copy sent with this probability
  TimeNs delay_min_ns = 0;     // per-copy delay range on this link
  TimeNs delay_max_ns = 0;
  // The base link draws from the config's distribution; a `link` event with
  // its own range sets uniform.
  DelayDistribution delay_distribution = DelayDistribution::uniform;
  TimeNs delay_mean_ns = 0;
  uint32_t delay_pareto_shape_milli = 0;
  friend bool operator==(const LinkFault&, const LinkFault&) = default;
};

// What happens to one sent message: 0 copies (dropped), 1, or 2 (duplicated),
// each with its own delay.
struct SendPlan {
  uint32_t copies = 0;
  uint32_t lost = 0;  // copies dropped (partition or link drop)
  TimeNs delay_ns[2] = {0, 0};
  bool dropped_by_partition = false;  // copies == 0 because of a partition
};

class Network {
 public:
  // REQUIRES: config.validate() is ok.
  Network(const Config& config, Prng prng);

  // Overrides the link from -> to until the next heal or link event.
  // REQUIRES: from, to < nodes; rates <= 1e6; delay_min_ns <= delay_max_ns.
  void set_link(NodeId from, NodeId to, const LinkFault& fault);
  // Splits the nodes into `groups`. A node named in no group is cut off from
  // every other node (a group of its own). REQUIRES: ids < nodes, no id twice.
  void partition(const std::vector<std::vector<NodeId>>& groups);
  // Clears partitions and link overrides. Base delays stay.
  void heal();

  // True when no partition separates the two (a node always reaches itself).
  bool connected(NodeId from, NodeId to) const;
  bool partitioned() const { return partitioned_; }
  // Draws the fate of one message from -> to (drop, duplicate, delays).
  SendPlan plan_send(NodeId from, NodeId to);
  // The client <-> coordinator hop: base range, no faults.
  TimeNs client_hop_delay_ns();
  const LinkFault& link(NodeId from, NodeId to) const;
  // The fault-free link of `config`: no drops, the config's base delay.
  static LinkFault base_link(const Config& config);
  // Canonical text of the current groups: "0,1|2,3,4" (groups by lowest id).
  std::string groups_text() const;

 private:
  size_t link_index(NodeId from, NodeId to) const;

  uint32_t nodes_;
  LinkFault base_;                 // no drops, config delay range
  Prng prng_;
  // Links a `link` event set apart from the base, by from * nodes + to: a
  // cluster of n nodes keeps no n^2 table.
  std::unordered_map<size_t, LinkFault> overrides_;
  std::vector<uint32_t> group_of_; // group id per node
  bool partitioned_ = false;
};

}  // namespace dt
