// World: the Jepsen-style clients, as sim/client_driver.h defines them (op
// ids, write ids, values, contexts, composite ops, info retires a process),
// minus think times and hops: an invoke reaches its coordinator in the same
// step, and a reply completes the op in the step the coordinator sent it.
#include <string>
#include <utility>

#include "core/assert.h"
#include "core/client_ops.h"
#include "core/hash.h"
#include "explore/message_hash.h"
#include "explore/world.h"

namespace dt {

namespace {

}  // namespace

HistoryOp World::record_of(const ExploreClient& client, const ExploreOp& op,
                           OpType type) const {
  HistoryOp record;
  record.index = history.size();
  record.time_ns = now_ns();
  record.process = client.process;
  record.type = type;
  record.f = op.f;
  record.key = op.key;
  record.value = op.value;
  record.write_id = op.write_id;
  record.op_id = op.op_id;
  record.coordinator = op.coordinator;
  record.context = op.context;
  record.read = op.read;
  DT_ASSERT(is_write(op.f) == (op.write_id != 0), "write id on a read or missing on a write");
  return record;
}

void World::invoke(uint32_t client_index, OpFn f, Key key, NodeId coordinator) {
  DT_ASSERT(client_index < clients.size(), "invoke by an unknown client");
  DT_ASSERT(coordinator < nodes.size(), "invoke at an unknown node");
  ExploreClient& client = clients[client_index];
  DT_ASSERT(!client.open && client.next_op < client.script_ops, "invoke by a busy client");
  ++client.next_op;
  ExploreOp op;
  op.f = f;
  op.key = key;
  op.op_id = next_op_id;
  next_op_id += is_composite(f) ? 2 : 1;  // op_id + 1 is the internal read
  op.coordinator = coordinator;
  if (is_write(f)) op.write_id = next_write_id++;
  if (f == OpFn::put || f == OpFn::add) op.value = static_cast<ElementValue>(op.write_id);
  if (f == OpFn::put) {
    auto it = client.contexts.find(key);
    if (it != client.contexts.end()) op.context = it->second;
  }
  op.reading = is_composite(f);
  history.push_back(record_of(client, op, OpType::invoke));
  history_touched_ = true;
  observe(hash_history_event(history.back()));

  ClientRequest request;
  request.key = key;
  if (op.reading) {
    request.op_id = op.op_id + 1;
    request.kind = ClientOpKind::get;
  } else {
    request.op_id = op.op_id;
    request.kind = f == OpFn::put ? ClientOpKind::put : ClientOpKind::get;
    request.write_id = op.write_id;
    request.context = op.context;
    if (f == OpFn::put) request.value = Value{*op.value};
  }
  client.open = std::move(op);
  send_request(client_index, request);
}

void World::send_request(uint32_t client_index, const ClientRequest& request) {
  ExploreOp& op = *clients[client_index].open;
  const ExploreNode& coordinator = nodes[op.coordinator];
  op.coordinator_crashes = coordinator.crashes;
  if (!coordinator.up) {
    op.request_lost = true;  // the client will time out
    return;
  }
  dispatch(op.coordinator, [&](Node& n, const NodeClock& c, Effects& out) {
             n.on_client_request(c, request, out);
           });
}

void World::send_write(uint32_t client_index, const ClientReply& read_reply) {
  ExploreOp& op = *clients[client_index].open;
  DT_ASSERT(op.reading && is_composite(op.f), "write phase of a simple op");
  op.reading = false;
  op.read = read_reply.siblings;
  op.context = read_reply.context;
  const ClientRequest request =
      write_phase_request(op.op_id, op.f, op.key, op.write_id, read_reply, op.value);
  send_request(client_index, request);
}

void World::on_reply(NodeId coordinator, const ClientReply& reply) {
  for (uint32_t c = 0; c < clients.size(); ++c) {
    if (!clients[c].open) continue;
    const ExploreOp& op = *clients[c].open;
    if (op.coordinator != coordinator) continue;  // a stray reply is ignored
    if (op.reading && reply.op_id == op.op_id + 1) {
      if (reply.status == ReplyStatus::ok) return send_write(c, reply);
      return complete(c, OpType::fail, nullptr,
                      std::string("read ") + to_string(reply.status) + ": " + reply.reason);
    }
    if (op.reading || reply.op_id != op.op_id) continue;
    switch (reply.status) {
      case ReplyStatus::ok: return complete(c, OpType::ok, &reply, "");
      case ReplyStatus::fail: return complete(c, OpType::fail, &reply, "fail: " + reply.reason);
      case ReplyStatus::timeout:
        return complete(c, is_write(op.f) ? OpType::info : OpType::fail, &reply,
                        "timeout: " + reply.reason);
    }
  }
  // Late: the op is over (the client timed out).
}

void World::client_timeout_now(uint32_t client_index) {
  DT_ASSERT(client_index < clients.size() && clients[client_index].open,
            "timeout of a client with no open op");
  const ExploreOp& op = *clients[client_index].open;
  if (op.reading) {
    return complete(client_index, OpType::fail, nullptr, "client timeout during read");
  }
  complete(client_index, is_write(op.f) ? OpType::info : OpType::fail, nullptr,
           "client timeout");
}

void World::complete(uint32_t client_index, OpType type, const ClientReply* reply,
                     std::string error) {
  ExploreClient& client = clients[client_index];
  DT_ASSERT(client.open && type != OpType::invoke, "completing an op that is not open");
  const ExploreOp op = std::move(*client.open);
  client.open.reset();
  HistoryOp record = record_of(client, op, type);
  record.error = std::move(error);
  if (type == OpType::ok && reply != nullptr) {
    record.context = reply->context;
    if (op.f == OpFn::get) {
      record.read = reply->siblings;
      record.not_found = all_tombstones(reply->siblings);
      client.contexts[op.key] = reply->context;
    }
  }
  history.push_back(std::move(record));
  history_touched_ = true;
  observe(hash_history_event(history.back()));
  if (type == OpType::info) {
    // Jepsen: a process with an unknown outcome is retired.
    client.process = next_process++;
    client.contexts.clear();
  }
}

void World::start_final_read(Key key, NodeId coordinator) {
  ExploreClient client;
  client.process = next_process++;
  client.script_ops = 1;
  clients.push_back(std::move(client));
  invoke(static_cast<uint32_t>(clients.size() - 1), OpFn::get, key, coordinator);
}

}  // namespace dt
