#include "explore/world.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "core/assert.h"
#include "explore/message_hash.h"
#include "sim/lockstep.h"

namespace dt {

namespace {

// Ends a step in World::observed_order.
constexpr uint64_t kStepMark = 0x5354'4550'4D41'524Bull;

uint64_t choice_key(ChoiceKind kind, uint64_t a, uint64_t b = 0) {
  return hash_combine(hash_combine(static_cast<uint64_t>(kind) + 1, a), b);
}

uint64_t timer_hash(const PendingTimer& t) {
  return hash_combine(hash_combine(t.node, static_cast<uint64_t>(t.kind)), t.tag);
}

}  // namespace

World::World(const ExploreSetup& setup) : setup_(&setup) {
  const Config& config = setup.config;
  DT_ASSERT(setup.primary != nullptr, "explore needs a primary node factory");
  DT_ASSERT(setup.bounds.validate(config).is_ok(), "explore bounds not validated");
  nodes.resize(config.nodes);
  for (NodeId n = 0; n < config.nodes; ++n) {
    nodes[n].primary = ClonedNode(setup.primary(n, config, setup.inject));
    if (setup.shadow != nullptr) {
      nodes[n].shadow = ClonedNode(setup.shadow(n, config, setup.inject));
    }
  }
  const ExploreBounds& b = setup.bounds;
  left = Budgets{b.crashes, b.wipes, b.partitions, b.lost_messages, b.duplicates};
  for (ProcessId p = 0; p < b.clients; ++p) {
    ExploreClient client;
    client.process = p;
    client.script_ops = b.ops_per_client;
    clients.push_back(std::move(client));
  }
  next_process = b.clients;
  for (NodeId n = 0; n < config.nodes; ++n) {
    dispatch(n, [](Node& node, const NodeClock& c, Effects& out) { node.on_start(c, out); });
  }
  steps_ = 0;  // booting is not a step
  end_trace_steps();
}

void World::end_trace_steps() {
  for (ExploreNode& node : nodes) node.trace.end_step();
}

bool World::connected(NodeId a, NodeId b) const {
  return groups.empty() || groups[a] == groups[b];
}

bool World::clients_done() const {
  const uint32_t scripted = setup_->bounds.clients;
  for (uint32_t c = 0; c < scripted && c < clients.size(); ++c) {
    if (clients[c].open || clients[c].next_op < clients[c].script_ops) return false;
  }
  return true;
}

std::vector<Choice> World::enabled() const {
  std::vector<Choice> out;
  if (divergence) return out;  // a divergence ends the path
  add_choices_for_messages(out);
  add_choices_for_clients(out);
  add_choices_for_faults(out);
  return out;
}

void World::add_choices_for_messages(std::vector<Choice>& out) const {
  for (uint32_t i = 0; i < in_flight.size(); ++i) {
    const InFlight& m = in_flight[i];
    if (!nodes[m.to].up) continue;  // waits for a restart (a crash removed older copies)
    out.push_back(
        Choice{ChoiceKind::deliver, i, m.to, choice_key(ChoiceKind::deliver, m.hash), {}});
  }
  const uint32_t budget = setup_->bounds.timer_firings_per_node;
  for (uint32_t i = 0; i < timers.size(); ++i) {
    const PendingTimer& t = timers[i];
    DT_ASSERT(nodes[t.node].up, "a down node has a pending timer");
    if (is_periodic(t.kind) && nodes[t.node].periodic_fired >= budget) continue;
    if (!timeout_due(t)) continue;
    out.push_back(Choice{
        ChoiceKind::fire_timer, i, t.node, choice_key(ChoiceKind::fire_timer, timer_hash(t)), {}});
  }
}

void World::add_choices_for_clients(std::vector<Choice>& out) const {
  const ExploreBounds& b = setup_->bounds;
  const uint32_t node_count = setup_->config.nodes;
  for (uint32_t c = 0; c < clients.size(); ++c) {
    const ExploreClient& client = clients[c];
    if (client.open) {
      const ExploreOp& op = *client.open;
      if (op.request_lost || nodes[op.coordinator].crashes != op.coordinator_crashes) {
        out.push_back(Choice{
            ChoiceKind::client_timeout, c, kNoNode, choice_key(ChoiceKind::client_timeout, c), {}});
      }
      continue;
    }
    if (client.next_op >= client.script_ops) continue;
    auto add = [&](NodeId coordinator) {
      out.push_back(Choice{
          ChoiceKind::invoke, c, coordinator, choice_key(ChoiceKind::invoke, c, coordinator), {}});
    };
    switch (b.coordinators) {
      case CoordinatorPolicy::spread: add(c % node_count); break;
      case CoordinatorPolicy::first: add(0); break;
      case CoordinatorPolicy::any:
        for (NodeId n = 0; n < node_count; ++n) add(n);
        break;
    }
  }
}

void World::add_choices_for_faults(std::vector<Choice>& out) const {
  for (uint32_t i = 0; i < in_flight.size(); ++i) {
    const InFlight& m = in_flight[i];
    if (left.lost > 0) {
      out.push_back(Choice{ChoiceKind::drop, i, m.to, choice_key(ChoiceKind::drop, m.hash), {}});
    }
    if (left.duplicates > 0) {
      out.push_back(
          Choice{ChoiceKind::duplicate, i, m.to, choice_key(ChoiceKind::duplicate, m.hash), {}});
    }
  }
  for (NodeId n = 0; n < nodes.size(); ++n) {
    if (nodes[n].up && left.crashes > 0) {
      out.push_back(Choice{ChoiceKind::crash, n, n, choice_key(ChoiceKind::crash, n), {}});
    }
    if (!nodes[n].up) {
      out.push_back(Choice{ChoiceKind::restart, n, n, choice_key(ChoiceKind::restart, n), {}});
    }
    if (left.wipes > 0) {
      out.push_back(Choice{ChoiceKind::wipe, n, n, choice_key(ChoiceKind::wipe, n), {}});
    }
  }
  if (groups.empty() && left.partitions > 0 && nodes.size() > 1) {
    // Node n-1 stays in group 0, so each two-group split is listed once.
    const uint32_t masks = (1u << (nodes.size() - 1)) - 1;
    for (uint32_t mask = 1; mask <= masks; ++mask) {
      out.push_back(Choice{
          ChoiceKind::partition, mask, kNoNode, choice_key(ChoiceKind::partition, mask), {}});
    }
  }
  if (!groups.empty()) {
    out.push_back(Choice{ChoiceKind::heal, 0, kNoNode, choice_key(ChoiceKind::heal, 0), {}});
  }
}

std::string World::step_text(const Choice& choice) const {
  switch (choice.kind) {
    case ChoiceKind::deliver: {
      DT_ASSERT(choice.index < in_flight.size(), "a delivery of a message not in flight");
      const InFlight& m = in_flight[choice.index];
      return fmt::format("deliver {} from {} to {}", describe(m.message), m.from, m.to);
    }
    case ChoiceKind::fire_timer: {
      DT_ASSERT(choice.index < timers.size(), "a timer that is not pending");
      const PendingTimer& t = timers[choice.index];
      return fmt::format("timer {} tag={} at node {}", to_string(t.kind), t.tag, t.node);
    }
    case ChoiceKind::client_timeout: {
      DT_ASSERT(choice.index < clients.size() && clients[choice.index].open, "no open op");
      return fmt::format("client {} times out op {}", choice.index,
                         clients[choice.index].open->op_id);
    }
    case ChoiceKind::invoke: {
      DT_ASSERT(choice.index < clients.size(), "an invoke of an unknown client");
      const ExploreBounds& b = setup_->bounds;
      const ExploreClient& client = clients[choice.index];
      return fmt::format("client {} invokes {} key {} at node {}", choice.index,
                         to_string(b.op_of(client.next_op)), b.key_of(choice.index, client.next_op),
                         choice.node);
    }
    case ChoiceKind::drop:
    case ChoiceKind::duplicate: {
      DT_ASSERT(choice.index < in_flight.size(), "a fault on a message not in flight");
      const InFlight& m = in_flight[choice.index];
      return fmt::format("{} {} from {} to {}",
                         choice.kind == ChoiceKind::drop ? "drop" : "duplicate",
                         message_name(m.message), m.from, m.to);
    }
    case ChoiceKind::crash:
      return fmt::format("crash node {}", choice.node);
    case ChoiceKind::restart:
      return fmt::format("restart node {}", choice.node);
    case ChoiceKind::wipe:
      return fmt::format("wipe node {}", choice.node);
    case ChoiceKind::partition:
      return fmt::format("partition mask={:b}", choice.index);
    case ChoiceKind::heal:
      return "heal";
    case ChoiceKind::count_:
      break;
  }
  DT_ASSERT(false, "a step of no kind");
  return {};
}

StepOutcome World::apply(const Choice& choice) {
  DT_ASSERT(!divergence, "a step after a divergence");
  ++steps_;
  history_touched_ = false;
  StepOutcome outcome;
  Footprint& fp = outcome.footprint;
  switch (choice.kind) {
    case ChoiceKind::deliver: {
      DT_ASSERT(choice.index < in_flight.size(), "deliver: no such message");
      fp.node = in_flight[choice.index].to;
      fp.message = in_flight[choice.index].hash;
      fp.network = true;
      deliver_now(choice.index);
      break;
    }
    case ChoiceKind::fire_timer: {
      DT_ASSERT(choice.index < timers.size(), "fire: no such timer");
      fp.node = timers[choice.index].node;
      fp.network = true;  // its sends read the partition
      // Under after-loss a timeout is enabled only while nothing it waits for
      // is on its way, which any other node's sends can change.
      fp.network_write = setup_->bounds.timeouts == TimeoutPolicy::after_loss;
      if (is_periodic(timers[choice.index].kind)) ++nodes[fp.node].periodic_fired;
      fire_now(choice.index);
      break;
    }
    case ChoiceKind::invoke: {
      const ExploreBounds& b = setup_->bounds;
      const ExploreClient& client = clients[choice.index];
      fp.node = choice.node;
      fp.network = true;  // the coordinator's sends read the partition
      invoke(choice.index, b.op_of(client.next_op), b.key_of(choice.index, client.next_op),
             choice.node);
      break;
    }
    case ChoiceKind::client_timeout: client_timeout_now(choice.index); break;
    case ChoiceKind::drop:
    case ChoiceKind::duplicate: {
      DT_ASSERT(choice.index < in_flight.size(), "drop/duplicate: no such message");
      const bool drop = choice.kind == ChoiceKind::drop;
      uint32_t& budget = drop ? left.lost : left.duplicates;
      DT_ASSERT(budget > 0, "drop/duplicate past its budget");
      --budget;
      fp.node = in_flight[choice.index].to;
      fp.message = in_flight[choice.index].hash;
      fp.budget = drop ? Budget::lost : Budget::duplicates;
      if (drop) {
        in_flight.erase(in_flight.begin() + choice.index);
      } else {
        in_flight.push_back(in_flight[choice.index]);
      }
      break;
    }
    case ChoiceKind::crash:
    case ChoiceKind::wipe: {
      const bool wipe = choice.kind == ChoiceKind::wipe;
      uint32_t& budget = wipe ? left.wipes : left.crashes;
      DT_ASSERT(budget > 0, "crash/wipe past its budget");
      --budget;
      fp.node = choice.node;
      fp.budget = wipe ? Budget::wipes : Budget::crashes;
      // It removes every copy in flight to the node, so its order against
      // any step that sends matters.
      fp.network = fp.network_write = true;
      crash_node(choice.node, wipe);
      break;
    }
    case ChoiceKind::restart:
      fp.node = choice.node;
      // Copies to the node become deliverable again, which under after-loss
      // can disable a timeout that waited for them (World::timeout_due).
      fp.network_write = setup_->bounds.timeouts == TimeoutPolicy::after_loss;
      restart_node(choice.node);
      break;
    case ChoiceKind::partition:
      DT_ASSERT(left.partitions > 0, "partition past its budget");
      --left.partitions;
      fp.budget = Budget::partitions;
      fp.network = fp.network_write = true;
      partition(choice.index);
      break;
    case ChoiceKind::heal:
      fp.network = fp.network_write = true;
      fp.budget = Budget::partitions;  // heal enables the next partition
      groups.clear();
      record(TraceKind::healed, kNoNode);
      break;
    case ChoiceKind::count_: DT_ASSERT(false, "not a choice kind");
  }
  fp.history = history_touched_;
  if (choice.kind == ChoiceKind::client_timeout) fp.budget = Budget::none;
  end_trace_steps();
  fp.observed = observed_in_step_;
  fp.order_read = std::exchange(order_read_in_step_, false);
  fp.order_write = std::exchange(order_write_in_step_, false);
  if (observed_in_step_) {
    observed_order = hash_combine(observed_order, kStepMark);
    observed_in_step_ = false;
  }
  outcome.divergence = divergence.has_value();
  return outcome;
}

}  // namespace dt
