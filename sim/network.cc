#include "sim/network.h"

#include <map>
#include <utility>

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

Network::Network(const Config& config, Prng prng)
    : nodes_(config.nodes),
      base_(base_link(config)),
      prng_(prng) {
  DT_ASSERT(nodes_ > 0, "network without nodes");
  DT_ASSERT(base_.delay_min_ns <= base_.delay_max_ns, "base delay range inverted");
  group_of_.assign(nodes_, 0);
}

LinkFault Network::base_link(const Config& config) {
  const DelayShape shape = base_delay_shape(config);
  return LinkFault{0, 0, shape.min_ns, shape.max_ns, shape.distribution, shape.mean_ns,
                   shape.pareto_shape_milli};
}

namespace {

DelayShape delay_shape_of(const LinkFault& fault) {
  return DelayShape{fault.delay_distribution, fault.delay_min_ns, fault.delay_max_ns,
                    fault.delay_mean_ns, fault.delay_pareto_shape_milli};
}

}  // namespace

size_t Network::link_index(NodeId from, NodeId to) const {
  DT_ASSERT(from < nodes_ && to < nodes_, "link endpoint out of range");
  return size_t{from} * nodes_ + to;
}

void Network::set_link(NodeId from, NodeId to, const LinkFault& fault) {
  DT_ASSERT(fault.drop_ppm <= 1'000'000 && fault.duplicate_ppm <= 1'000'000,
            "link rate above 1e6 ppm");
  DT_ASSERT(fault.delay_min_ns <= fault.delay_max_ns, "link delay range inverted");
  if (fault == base_) {
    overrides_.erase(link_index(from, to));
  } else {
    overrides_[link_index(from, to)] = fault;
  }
}

void Network::partition(const std::vector<std::vector<NodeId>>& groups) {
  // Unlisted nodes get singleton groups numbered after the listed ones.
  constexpr uint32_t kUnassigned = UINT32_MAX;
  std::vector<uint32_t> group_of(nodes_, kUnassigned);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (NodeId node : groups[g]) {
      DT_ASSERT(node < nodes_, "partition names an unknown node");
      DT_ASSERT(group_of[node] == kUnassigned, "partition names a node twice");
      group_of[node] = static_cast<uint32_t>(g);
    }
  }
  uint32_t next_group = static_cast<uint32_t>(groups.size());
  for (uint32_t& g : group_of) {
    if (g == kUnassigned) g = next_group++;
  }
  group_of_ = std::move(group_of);
  partitioned_ = true;
}

void Network::heal() {
  overrides_.clear();
  group_of_.assign(nodes_, 0);
  partitioned_ = false;
}

bool Network::connected(NodeId from, NodeId to) const {
  DT_ASSERT(from < nodes_ && to < nodes_, "connected: node out of range");
  return group_of_[from] == group_of_[to];
}

SendPlan Network::plan_send(NodeId from, NodeId to) {
  SendPlan plan;
  if (!connected(from, to)) {
    plan.dropped_by_partition = true;
    plan.lost = 1;
    return plan;
  }
  const LinkFault& fault = link(from, to);
  // Draw in a fixed order (duplicate, then each copy's drop and delay) so the
  // stream of draws depends only on the inputs.
  const uint32_t attempts = prng_.chance_ppm(fault.duplicate_ppm) ? 2 : 1;
  for (uint32_t i = 0; i < attempts; ++i) {
    if (prng_.chance_ppm(fault.drop_ppm)) {
      ++plan.lost;
      continue;
    }
    plan.delay_ns[plan.copies++] = draw_delay_ns(delay_shape_of(fault), prng_);
  }
  DT_ASSERT(plan.copies <= 2, "more than two copies");
  return plan;
}

TimeNs Network::client_hop_delay_ns() {
  return draw_delay_ns(delay_shape_of(base_), prng_);
}

const LinkFault& Network::link(NodeId from, NodeId to) const {
  DT_ASSERT(from < nodes_ && to < nodes_, "link endpoint out of range");
  if (overrides_.empty()) return base_;
  const auto it = overrides_.find(link_index(from, to));
  return it == overrides_.end() ? base_ : it->second;
}

std::string Network::groups_text() const {
  std::map<uint32_t, std::vector<NodeId>> members;  // group id -> sorted members
  for (NodeId node = 0; node < nodes_; ++node) members[group_of_[node]].push_back(node);
  std::map<NodeId, const std::vector<NodeId>*> by_lowest;
  for (const auto& [group, ids] : members) by_lowest[ids.front()] = &ids;
  std::string out;
  for (const auto& [lowest, ids] : by_lowest) {
    if (!out.empty()) out += "|";
    out += fmt::format("{}", fmt::join(*ids, ","));
  }
  DT_ASSERT(!out.empty(), "no groups");
  return out;
}

}  // namespace dt
