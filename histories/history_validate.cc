#include "histories/history_validate.h"

#include <map>
#include <string>

#include "histories/json_util.h"

namespace dt {

namespace {

// Which optional fields this op may carry.
Status check_fields(size_t i, const HistoryOp& op, const Config& config) {
  const std::string path = element_path("ops", i);
  DT_ASSERT(config.nodes >= 1, "a config has nodes");
  if (op.coordinator != kNoNode && op.coordinator >= config.nodes) {
    return Status::error(path + ".coordinator: " + std::to_string(op.coordinator) +
                         " is not a node (nodes are 0.." + std::to_string(config.nodes - 1) + ")");
  }
  if (op.value.has_value() && op.f != OpFn::put && op.f != OpFn::add) {
    return Status::error(path + ".value: a " + std::string(to_string(op.f)) + " carries no value");
  }
  if (op.not_found && !(op.f == OpFn::get && op.type == OpType::ok)) {
    return Status::error(path + ".not_found: only a get's ok carries not_found");
  }
  // add and delete read before they write (their context comes from the read).
  const bool may_read = (op.f == OpFn::get && op.type == OpType::ok) ||
                        ((op.f == OpFn::add || op.f == OpFn::del) && op.type != OpType::invoke);
  if (!op.read.empty() && !may_read) {
    return Status::error(path +
                         ".read: only a get's ok and an add's or delete's completion carry read");
  }
  if (!op.error.empty() && op.type != OpType::fail && op.type != OpType::info) {
    return Status::error(path + ".error: only fail and info carry an error");
  }
  return Status::ok();
}

struct ProcessState {
  bool open = false;
  size_t invoke = 0;     // index of the open invoke
  bool retired = false;  // completed with info: never invokes again
};

Status check_pairing(size_t i, const History& history, std::map<ProcessId, ProcessState>& procs) {
  const HistoryOp& op = history[i];
  const std::string path = element_path("ops", i);
  DT_ASSERT(i < history.size(), "op index in range");
  const std::string process = "process " + std::to_string(op.process);
  ProcessState& state = procs[op.process];
  if (op.type == OpType::invoke) {
    if (state.retired) {
      return Status::error(path + ": invoke for " + process + " after its info (a process " +
                           "never invokes again after info)");
    }
    if (state.open) {
      return Status::error(path + ": invoke for " + process + " while " +
                           element_path("ops", state.invoke) + " is still open");
    }
    state.open = true;
    state.invoke = i;
    return Status::ok();
  }
  if (!state.open) {
    return Status::error(path + ": " + to_string(op.type) + " for " + process +
                         " with no open invoke");
  }
  const HistoryOp& invoke = history[state.invoke];
  DT_ASSERT(state.invoke < i && invoke.type == OpType::invoke, "open op is an earlier invoke");
  const std::string against =
      " does not match its invoke " + element_path("ops", state.invoke) + " (";
  if (op.f != invoke.f) {
    return Status::error(path + ".f: " + to_string(op.f) + against + to_string(invoke.f) + ")");
  }
  if (op.key != invoke.key) {
    return Status::error(path + ".key: " + std::to_string(op.key) + against +
                         std::to_string(invoke.key) + ")");
  }
  if (op.op_id != invoke.op_id) {
    return Status::error(path + ".op_id: " + std::to_string(op.op_id) + against +
                         std::to_string(invoke.op_id) + ")");
  }
  state.open = false;
  state.retired = op.type == OpType::info;
  return Status::ok();
}

}  // namespace

Status validate_history(const Config& config, const History& history) {
  std::map<ProcessId, ProcessState> procs;
  for (size_t i = 0; i < history.size(); ++i) {
    const HistoryOp& op = history[i];
    if (op.index != i) {
      return Status::error(element_path("ops", i) + ".index: " + std::to_string(op.index) +
                           ", expected " + std::to_string(i) +
                           " (indices are dense, in file order)");
    }
    if (i > 0 && op.time_ns < history[i - 1].time_ns) {
      return Status::error(element_path("ops", i) + ".time_ns: " + std::to_string(op.time_ns) +
                           " is before the previous op's (" +
                           std::to_string(history[i - 1].time_ns) + ")");
    }
    if (Status s = check_fields(i, op, config); !s) return s;
    if (Status s = check_pairing(i, history, procs); !s) return s;
  }
  DT_ASSERT(procs.size() <= history.size(), "a process per op at most");
  return Status::ok();
}

}  // namespace dt
