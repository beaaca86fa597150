#include "sim/client_driver.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/assert.h"
#include "core/client_ops.h"

namespace dt {

namespace {

OpFn op_fn_of(EventKind kind) {
  switch (kind) {
    case EventKind::put: return OpFn::put;
    case EventKind::get: return OpFn::get;
    case EventKind::del: return OpFn::del;
    case EventKind::add: return OpFn::add;
    default: break;
  }
  DT_ASSERT(false, "not a client op event");
  return OpFn::get;
}

}  // namespace

ClientDriver::ClientDriver(const Schedule& schedule, Prng prng, Network& network,
                           EventQueue& queue)
    : schedule_(schedule), prng_(prng), network_(network), queue_(queue) {
  const Workload& w = schedule.workload;
  DT_ASSERT(w.client_timeout_ns > 0, "client timeout of 0");
  DT_ASSERT(w.think_min_ns <= w.think_max_ns, "think range inverted");
  slots_.resize(w.clients);
  for (ProcessId p = 0; p < w.clients; ++p) {
    slots_[p].process = p;
    slots_[p].generates = w.ops > 0;
  }
  // A scripted process p < clients shares generated slot p; any other gets a
  // slot of its own, and its id is never handed out as a fresh one.
  for (const ScheduleEvent& e : schedule.events) {
    if (!is_client_op(e.kind) || scripted_slots_.count(e.process)) continue;
    if (e.process < w.clients) {
      scripted_slots_[e.process] = e.process;
      continue;
    }
    scripted_slots_[e.process] = static_cast<uint32_t>(slots_.size());
    Slot slot;
    slot.process = e.process;
    slots_.push_back(std::move(slot));
  }
  next_fresh_process_ = w.clients;
  generated_left_ = w.ops;
  // Every op is an invoke and a completion; growing by doubling would copy
  // the history log2(ops) times.
  history_.reserve(2 * (size_t{w.ops} + schedule.events.size()));
}

void ClientDriver::start(TimeNs now_ns) {
  DT_ASSERT(history_.empty(), "start called twice");
  for (uint32_t s = 0; s < slots_.size(); ++s) {
    if (slots_[s].generates) arm_think(now_ns, s);
  }
  DT_ASSERT(open_.empty(), "ops open before start");
}

uint32_t ClientDriver::slot_for_process(ProcessId scripted_process) const {
  auto it = scripted_slots_.find(scripted_process);
  DT_ASSERT(it != scripted_slots_.end(), "scripted process has no slot");
  DT_ASSERT(it->second < slots_.size(), "scripted slot out of range");
  return it->second;
}

ProcessId ClientDriver::fresh_process() {
  // Skip the ids scripted ops name (those at or above `clients`).
  while (scripted_slots_.count(next_fresh_process_)) {
    DT_ASSERT(next_fresh_process_ < UINT32_MAX, "process ids exhausted");
    ++next_fresh_process_;
  }
  DT_ASSERT(next_fresh_process_ < UINT32_MAX, "process ids exhausted");
  return next_fresh_process_++;
}

void ClientDriver::arm_think(TimeNs now_ns, uint32_t slot) {
  DT_ASSERT(slot < slots_.size(), "slot out of range");
  const Workload& w = schedule_.workload;
  const TimeNs think_ns = prng_.between(w.think_min_ns, w.think_max_ns);
  const uint64_t sequence = ++slots_[slot].wake_sequence;
  queue_.push(now_ns + think_ns, ClientWake{slot, sequence});
}

ClientDriver::QueuedOp ClientDriver::draw_generated_op() {
  const Workload& w = schedule_.workload;
  const uint64_t total = uint64_t{w.put_weight} + w.get_weight + w.delete_weight + w.add_weight;
  DT_ASSERT(total > 0 && w.keys > 0, "generated op without weights or keys");
  uint64_t pick = prng_.below(total);
  QueuedOp op;
  if (pick < w.put_weight) {
    op.f = OpFn::put;
  } else if ((pick -= w.put_weight) < w.get_weight) {
    op.f = OpFn::get;
  } else if ((pick -= w.get_weight) < w.delete_weight) {
    op.f = OpFn::del;
  } else {
    op.f = OpFn::add;
  }
  op.key = prng_.below(w.keys);
  return op;
}

void ClientDriver::on_wake(TimeNs now_ns, const ClientWake& wake) {
  DT_ASSERT(wake.slot < slots_.size(), "wake for an unknown slot");
  Slot& slot = slots_[wake.slot];
  if (wake.wake_sequence != slot.wake_sequence || slot.busy || !invoking_) return;
  if (!slot.queue.empty()) {
    const QueuedOp op = slot.queue.front();
    slot.queue.pop_front();
    invoke(now_ns, wake.slot, op);
  } else if (generated_left_ > 0) {
    --generated_left_;
    invoke(now_ns, wake.slot, draw_generated_op());
  }
}

void ClientDriver::on_scripted_op(TimeNs now_ns, const ScheduleEvent& event) {
  DT_ASSERT(is_client_op(event.kind), "scripted op of a fault kind");
  const uint32_t slot_index = slot_for_process(event.process);
  Slot& slot = slots_[slot_index];
  slot.queue.push_back(QueuedOp{op_fn_of(event.kind), event.key, event.value, event.coordinator});
  if (slot.busy || !invoking_) return;
  ++slot.wake_sequence;  // a pending think is superseded: the slot runs now
  const QueuedOp op = slot.queue.front();
  slot.queue.pop_front();
  invoke(now_ns, slot_index, op);
}

void ClientDriver::invoke(TimeNs now_ns, uint32_t slot_index, const QueuedOp& queued) {
  Slot& slot = slots_[slot_index];
  DT_ASSERT(!slot.busy, "invoke on a busy slot");
  OpenOp op;
  op.slot = slot_index;
  op.process = slot.process;
  op.f = queued.f;
  op.key = queued.key;
  op.op_id = next_op_id_;
  next_op_id_ += is_composite(queued.f) ? 2 : 1;  // op_id + 1 is the internal read
  op.coordinator = queued.coordinator != kNoNode
                       ? queued.coordinator
                       : static_cast<NodeId>(prng_.below(schedule_.config.nodes));
  DT_ASSERT(op.coordinator < schedule_.config.nodes, "coordinator out of range");
  if (is_write(op.f)) op.write_id = next_write_id_++;
  if (op.f == OpFn::put || op.f == OpFn::add) {
    op.value = queued.value ? *queued.value : static_cast<ElementValue>(op.write_id);
  }
  if (op.f == OpFn::put) {
    auto it = slot.contexts.find(op.key);
    if (it != slot.contexts.end()) op.context = it->second;
  }
  op.reading = is_composite(op.f);

  history_.push_back(record_of(op, now_ns, OpType::invoke));
  ++ops_invoked_;
  slot.busy = true;
  ClientRequest request = first_request(op);
  const NodeId coordinator = op.coordinator;
  queue_.push_after(now_ns, schedule_.workload.client_timeout_ns, ClientTimeout{op.op_id});
  open_.emplace(op.op_id, std::move(op));
  send(now_ns, coordinator, std::move(request));
}

HistoryOp ClientDriver::record_of(const OpenOp& op, TimeNs now_ns, OpType type) const {
  DT_ASSERT(history_.empty() || history_.back().time_ns <= now_ns, "history went back in time");
  HistoryOp record;
  record.index = history_.size();
  record.time_ns = now_ns;
  record.process = op.process;
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

ClientRequest ClientDriver::first_request(const OpenOp& op) {
  ClientRequest request;
  request.key = op.key;
  if (op.reading) {
    request.op_id = op.op_id + 1;  // the composite op's internal read
    request.kind = ClientOpKind::get;
    return request;
  }
  DT_ASSERT(op.f == OpFn::put || op.f == OpFn::get, "a composite op starts with a read");
  request.op_id = op.op_id;
  request.kind = op.f == OpFn::put ? ClientOpKind::put : ClientOpKind::get;
  request.write_id = op.write_id;
  request.context = op.context;
  if (op.f == OpFn::put) request.value = Value{*op.value};
  return request;
}

void ClientDriver::send(TimeNs now_ns, NodeId coordinator, ClientRequest request) {
  DT_ASSERT(coordinator < schedule_.config.nodes, "send to an unknown coordinator");
  DT_ASSERT(request.op_id != 0, "request without op id");
  queue_.push(now_ns + network_.client_hop_delay_ns(),
              RequestArrival{coordinator, std::move(request)});
}

void ClientDriver::send_write(TimeNs now_ns, OpenOp& op, const ClientReply& read_reply) {
  DT_ASSERT(op.reading && is_composite(op.f), "write phase of a simple op");
  op.reading = false;
  op.read = read_reply.siblings;
  op.context = read_reply.context;
  ClientRequest request =
      write_phase_request(op.op_id, op.f, op.key, op.write_id, read_reply, op.value);
  send(now_ns, op.coordinator, std::move(request));
}

void ClientDriver::on_reply(TimeNs now_ns, const ReplyArrival& arrival) {
  const ClientReply& reply = arrival.reply;
  DT_ASSERT(arrival.coordinator < schedule_.config.nodes, "reply from an unknown node");
  DT_ASSERT(history_.empty() || history_.back().time_ns <= now_ns, "reply from the past");
  auto it = open_.find(reply.op_id);
  if (it == open_.end() || it->second.reading) {
    // Not a main-phase reply: maybe the internal read of op_id - 1.
    auto read_it = open_.find(reply.op_id - 1);
    if (read_it == open_.end() || !read_it->second.reading) return;  // late: op is over
    if (arrival.coordinator != read_it->second.coordinator) return;     // stray reply
    if (reply.status == ReplyStatus::ok) {
      send_write(now_ns, read_it->second, reply);
    } else {
      complete(now_ns, read_it->first, OpType::fail, nullptr,
               std::string("read ") + to_string(reply.status) + ": " + reply.reason);
    }
    return;
  }
  const OpenOp& op = it->second;
  // A node answering an op it was never sent is the node's bug, not ours: ignore it.
  if (arrival.coordinator != op.coordinator) return;
  switch (reply.status) {
    case ReplyStatus::ok:
      complete(now_ns, op.op_id, OpType::ok, &reply, "");
      return;
    case ReplyStatus::fail:
      complete(now_ns, op.op_id, OpType::fail, &reply, "fail: " + reply.reason);
      return;
    case ReplyStatus::timeout:
      // A write past its deadline may be stored somewhere; a read had no effect.
      complete(now_ns, op.op_id, is_write(op.f) ? OpType::info : OpType::fail, &reply,
               "timeout: " + reply.reason);
      return;
  }
}

void ClientDriver::on_timeout(TimeNs now_ns, const ClientTimeout& timeout) {
  DT_ASSERT(timeout.op_id != 0 && timeout.op_id < next_op_id_, "timeout of an unknown op");
  auto it = open_.find(timeout.op_id);
  if (it == open_.end()) return;  // completed before its timeout
  const OpenOp& op = it->second;
  DT_ASSERT(slots_[op.slot].busy, "open op on an idle slot");
  if (op.reading) {
    complete(now_ns, op.op_id, OpType::fail, nullptr, "client timeout during read");
  } else {
    complete(now_ns, op.op_id, is_write(op.f) ? OpType::info : OpType::fail, nullptr,
             "client timeout");
  }
}

void ClientDriver::complete(TimeNs now_ns, uint64_t op_id, OpType type,
                            const ClientReply* reply, std::string error) {
  auto it = open_.find(op_id);
  DT_ASSERT(it != open_.end(), "completing an op that is not open");
  DT_ASSERT(type != OpType::invoke, "completion of type invoke");
  const OpenOp op = std::move(it->second);
  open_.erase(it);

  HistoryOp record = record_of(op, now_ns, type);
  record.error = std::move(error);
  Slot& slot = slots_[op.slot];
  if (type == OpType::ok && reply != nullptr) {
    record.context = reply->context;
    if (op.f == OpFn::get) {
      record.read = reply->siblings;
      record.not_found = all_tombstones(reply->siblings);
      slot.contexts[op.key] = reply->context;
    }
  }
  history_.push_back(std::move(record));

  slot.busy = false;
  if (type == OpType::info) {
    // Jepsen: a process with an unknown outcome is retired.
    slot.process = fresh_process();
    slot.contexts.clear();
  }
  after_completion(now_ns, op.slot);
}

void ClientDriver::after_completion(TimeNs now_ns, uint32_t slot_index) {
  Slot& slot = slots_[slot_index];
  DT_ASSERT(!slot.busy, "after_completion on a busy slot");
  if (!invoking_) return;
  if (!slot.queue.empty()) {
    // Queued scripted ops were due already: run the next one now.
    ++slot.wake_sequence;
    const QueuedOp op = slot.queue.front();
    slot.queue.pop_front();
    invoke(now_ns, slot_index, op);
  } else if (slot.generates && generated_left_ > 0) {
    arm_think(now_ns, slot_index);
  }
}

void ClientDriver::start_final_reads(TimeNs now_ns, const std::vector<Key>& keys) {
  DT_ASSERT(!invoking_, "final reads while the workload still invokes");
  DT_ASSERT(std::is_sorted(keys.begin(), keys.end()), "final read keys unsorted");
  for (Key key : keys) {
    const auto slot_index = static_cast<uint32_t>(slots_.size());
    Slot slot;
    slot.process = fresh_process();
    slots_.push_back(std::move(slot));
    invoke(now_ns, slot_index, QueuedOp{OpFn::get, key, std::nullopt, kNoNode});
  }
}

}  // namespace dt
