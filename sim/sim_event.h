// The things that happen inside a simulation run, as queue payloads. Each
// names its target (node, client op, schedule event) so the runner can route
// it; `describe` gives one readable line for timelines and divergences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "core/messages.h"
#include "core/node.h"
#include "core/types.h"

namespace dt {

// Boot of a node at time 0.
struct NodeBoot {
  NodeId node = kNoNode;
};
// A protocol message arriving. `to_epoch` is the receiver's epoch when the
// message was sent: a crash in between bumps the epoch and the copy is lost.
struct MessageDelivery {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  uint64_t to_epoch = 0;
  Message message;
};
// A timer a node set; stale (dropped) when the node crashed since.
struct TimerFire {
  NodeId node = kNoNode;
  uint64_t epoch = 0;
  TimerKind kind = TimerKind::probe;
  uint64_t tag = 0;
};
// Client -> coordinator hop done.
struct RequestArrival {
  NodeId coordinator = kNoNode;
  ClientRequest request;
};
// Coordinator -> client hop done.
struct ReplyArrival {
  NodeId coordinator = kNoNode;
  ClientReply reply;
};
// A client slot's think time is over; stale when `wake_sequence` is old.
struct ClientWake {
  uint32_t slot = 0;
  uint64_t wake_sequence = 0;
};
// The client gave up waiting for op `op_id`.
struct ClientTimeout {
  uint64_t op_id = 0;
};
// schedule.events[index] is due.
struct ScheduledFault {
  size_t index = 0;
};
// The end of the safety phase: all nodes up, network healed.
struct FinalHeal {};

using SimEvent = std::variant<NodeBoot, MessageDelivery, TimerFire, RequestArrival, ReplyArrival,
                              ClientWake, ClientTimeout, ScheduledFault, FinalHeal>;

// One line: "message StoreRequest req=1 ... from 2 to 4", "timer probe tag=0 at node 1".
std::string describe(const SimEvent& event);

}  // namespace dt
