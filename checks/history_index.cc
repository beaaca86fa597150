#include "checks/history_index.h"

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

Result<HistoryIndex> HistoryIndex::build(const History& history) {
  DT_ASSERT(history.size() < std::numeric_limits<uint32_t>::max(), "history too long");
  HistoryIndex index(history);
  index.ops_.reserve(history.size() / 2 + 1);
  index.op_number_by_index_.assign(history.size(), 0);
  std::unordered_map<ProcessId, size_t> open;  // process -> open op number
  TimeNs last_ns = 0;
  for (size_t i = 0; i < history.size(); ++i) {
    const HistoryOp& op = history[i];
    if (op.index != i) {
      return Status::error(fmt::format("history[{}].index: expected {}, got {}", i, i, op.index));
    }
    if (op.time_ns < last_ns) {
      return Status::error(fmt::format("history[{}].time: {} ns is before the previous op's {} ns",
                                       i, op.time_ns, last_ns));
    }
    last_ns = op.time_ns;
    Status status = Status::ok();
    if (op.type == OpType::invoke) {
      if (open.count(op.process) != 0) {
        return Status::error(fmt::format(
            "history[{}]: invoke for process {} while its previous op is open", i, op.process));
      }
      status = index.add_invoke(op);
      if (status.is_ok()) open[op.process] = index.ops_.size() - 1;
    } else {
      status = index.add_completion(op, open);
    }
    if (!status.is_ok()) return status;
  }
  DT_ASSERT(index.op_number_by_index_.size() == history.size(), "index size mismatch");
  return index;
}

Status HistoryIndex::add_invoke(const HistoryOp& op) {
  IndexedOp indexed;
  indexed.invoke_index = op.index;
  indexed.f = op.f;
  indexed.key = op.key;
  indexed.process = op.process;
  indexed.write_id = op.write_id;
  indexed.op_id = op.op_id;
  indexed.coordinator = op.coordinator;
  indexed.invoke_ns = op.time_ns;
  const size_t number = ops_.size();
  if (is_write(op.f)) {
    if (op.write_id == 0) {
      return Status::error(fmt::format("history[{}].write_id: a {} needs a write id", op.index,
                                       to_string(op.f)));
    }
    if (!op_by_write_.insert(op.write_id, static_cast<uint32_t>(number))) {
      return Status::error(
          fmt::format("history[{}].write_id: {} is used twice", op.index, op.write_id));
    }
  }
  if (!op_by_op_id_.insert(op.op_id, static_cast<uint32_t>(number))) {
    return Status::error(fmt::format("history[{}].op_id: {} is used twice", op.index, op.op_id));
  }
  op_number_by_index_[op.index] = static_cast<uint32_t>(number);
  ops_.push_back(indexed);
  DT_ASSERT(ops_.size() == number + 1, "op not appended");
  return Status::ok();
}

Status HistoryIndex::add_completion(const HistoryOp& op,
                                    std::unordered_map<ProcessId, size_t>& open) {
  const auto it = open.find(op.process);
  if (it == open.end()) {
    return Status::error(fmt::format("history[{}]: {} for process {} with no open invoke",
                                     op.index, to_string(op.type), op.process));
  }
  IndexedOp& indexed = ops_[it->second];
  if (indexed.f != op.f || indexed.key != op.key) {
    return Status::error(fmt::format("history[{}]: completion ({} key {}) does not match its "
                                     "invoke history[{}] ({} key {})",
                                     op.index, to_string(op.f), op.key, indexed.invoke_index,
                                     to_string(indexed.f), indexed.key));
  }
  if (indexed.op_id != op.op_id) {
    return Status::error(fmt::format("history[{}].op_id: {} does not match its invoke "
                                     "history[{}] (op_id {})",
                                     op.index, op.op_id, indexed.invoke_index, indexed.op_id));
  }
  indexed.completion_index = op.index;
  indexed.outcome = op.type;
  indexed.completion_ns = op.time_ns;
  op_number_by_index_[op.index] = static_cast<uint32_t>(it->second);
  open.erase(it);
  DT_ASSERT(indexed.completion_index > indexed.invoke_index, "completion before invoke");
  return Status::ok();
}

const IndexedOp& HistoryIndex::op(size_t op_number) const {
  DT_ASSERT(op_number < ops_.size(), "op number out of range");
  return ops_[op_number];
}

size_t HistoryIndex::op_number_of_index(uint64_t history_index) const {
  DT_ASSERT(history_index < op_number_by_index_.size(), "history index out of range");
  return op_number_by_index_[history_index];
}

std::optional<size_t> HistoryIndex::op_of_write(WriteId write_id) const {
  const auto position = op_by_write_.find(write_id);
  if (!position) return std::nullopt;
  return *position;
}

std::optional<size_t> HistoryIndex::op_of_op_id(uint64_t op_id) const {
  const auto position = op_by_op_id_.find(op_id);
  if (!position) return std::nullopt;
  return *position;
}

const HistoryOp& HistoryIndex::invoke_of(const IndexedOp& op) const {
  DT_ASSERT(op.invoke_index < history_->size(), "invoke index out of range");
  return (*history_)[op.invoke_index];
}

const HistoryOp& HistoryIndex::completion_of(const IndexedOp& op) const {
  DT_ASSERT(op.completed(), "completion_of an open op");
  DT_ASSERT(op.completion_index < history_->size(), "completion index out of range");
  return (*history_)[op.completion_index];
}

}  // namespace dt
