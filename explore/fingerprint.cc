#include "explore/fingerprint.h"

#include <algorithm>
#include <map>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/state_fingerprint.h"
#include "explore/message_hash.h"

namespace dt {

namespace {

constexpr uint64_t kUnseenProcess = 0xFFFF'FFFFull;

// Process ids as the fingerprint sees them.
class ProcessNames {
 public:
  ProcessNames(const History& history, bool symmetry) : symmetry_(symmetry) {
    if (!symmetry) return;
    for (const HistoryOp& op : history) {
      names_.emplace(op.process, names_.size());  // keeps the first appearance
    }
  }
  uint64_t operator()(ProcessId process) const {
    if (!symmetry_) return process;
    auto it = names_.find(process);
    return it == names_.end() ? kUnseenProcess : it->second;
  }

 private:
  bool symmetry_;
  std::map<ProcessId, uint64_t> names_;
};

uint64_t op_hash(const HistoryOp& op, const ProcessNames& names) {
  return hash_combine(names(op.process), hash_history_event(op));
}

// What makes a client unlike another: its script (keys) and coordinator.
uint64_t client_signature(const World& world, uint32_t c) {
  const ExploreBounds& b = world.setup().bounds;
  uint64_t h = hash_u64(world.clients[c].script_ops);
  if (c >= b.clients) return hash_combine(h, 0xF1);  // a final-read client
  for (uint32_t i = 0; i < b.ops_per_client; ++i) h = hash_combine(h, b.key_of(c, i));
  if (b.coordinators == CoordinatorPolicy::spread) {
    h = hash_combine(h, c % world.setup().config.nodes);
  }
  return h;
}

uint64_t client_hash(const World& world, uint32_t c, const ProcessNames& names) {
  const ExploreClient& client = world.clients[c];
  Hasher h;
  h.add_u64(client_signature(world, c));
  h.add_u64(names(client.process));
  h.add_u64(client.next_op);
  h.add_u64(client.open.has_value() ? 1 : 0);
  if (client.open) {
    const ExploreOp& op = *client.open;
    h.add_u64(op.op_id);
    h.add_u64(op.coordinator);
    h.add_u64(op.coordinator_crashes);
    h.add_u64(op.request_lost ? 1 : 0);
    h.add_u64(op.reading ? 1 : 0);
    h.add_u64(hash_siblings(op.read));
    h.add_u64(op.context.hash());
  }
  for (const auto& [key, context] : client.contexts) {
    h.add_u64(key);
    h.add_u64(context.hash());
  }
  return h.finish();
}

// A node by its behaviour (FingerprintedNode, both sides in lockstep) and
// by the records it emitted (the checkers read them): in order, or its steps
// between barriers as a multiset (explore/trace_identity.h).
void add_node(Hasher& h, const ExploreNode& node, Versioning versioning, bool commuting_steps) {
  h.add_u64(node.up ? 1 : 0);
  h.add_u64(node.incarnation);
  h.add_u64(node.crashes);
  h.add_u64(node.periodic_fired);
  h.add_u64(commuting_steps ? node.trace.commuted() : node.trace.ordered());
  if (versioning == Versioning::lww) h.add_u64(node.local_events);  // its clock
  if (node.behaviour_hash == 0) {
    Hasher sides;
    for (const Node* side : {node.primary.get(), node.shadow.get()}) {
      if (side == nullptr) continue;
      const auto* fingerprinted = dynamic_cast<const FingerprintedNode*>(side);
      DT_ASSERT(fingerprinted != nullptr, "explore needs nodes that are FingerprintedNode");
      fingerprinted->fingerprint(sides);
    }
    node.behaviour_hash = sides.finish() | 1;  // never 0, the "not computed" mark
  }
  h.add_u64(node.behaviour_hash);
}

uint64_t sorted_multiset(std::vector<uint64_t>& items) {
  std::sort(items.begin(), items.end());
  Hasher h;
  h.add_u64(items.size());
  for (uint64_t x : items) h.add_u64(x);
  return h.finish();
}

}  // namespace

uint64_t fingerprint(const World& world, const IdentityOptions& options) {
  const bool symmetry = options.symmetry;
  Hasher h;
  h.add_string("dt-explore-state-v4");
  for (const ExploreNode& node : world.nodes) {
    add_node(h, node, world.setup().config.versioning, options.commuting_steps);
  }
  h.add_u64(world.global_trace_hash);
  if (options.exact_order) h.add_u64(world.observed_order);
  if (options.judged_orders) h.add_u64(world.judged_orders);
  std::vector<uint64_t> items;
  items.reserve(world.in_flight.size());
  for (const InFlight& m : world.in_flight) items.push_back(m.hash);
  h.add_u64(sorted_multiset(items));
  items.clear();
  for (const PendingTimer& t : world.timers) {
    items.push_back(hash_combine(hash_combine(t.node, static_cast<uint64_t>(t.kind)), t.tag));
  }
  h.add_u64(sorted_multiset(items));
  h.add_u64(world.groups.size());
  for (uint8_t g : world.groups) h.add_u64(g);
  const Budgets& b = world.left;
  for (uint32_t x : {b.crashes, b.wipes, b.partitions, b.lost, b.duplicates}) h.add_u64(x);
  h.add_u64(world.next_op_id);
  h.add_u64(world.next_write_id);
  h.add_u64(world.divergence.has_value() ? 1 : 0);

  const ProcessNames names(world.history, symmetry);
  h.add_u64(world.history.size());
  for (const HistoryOp& op : world.history) h.add_u64(op_hash(op, names));
  items.clear();
  for (uint32_t c = 0; c < world.clients.size(); ++c) {
    items.push_back(client_hash(world, c, names));
  }
  if (symmetry) {
    h.add_u64(sorted_multiset(items));
  } else {
    for (uint64_t x : items) h.add_u64(x);
  }
  const uint64_t out = h.finish();
  return out == 0 ? 1 : out;  // 0 marks an empty slot in the visited set
}

}  // namespace dt
