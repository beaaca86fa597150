// A history indexed once so checkers look ops up by history index, op id and
// write id instead of scanning: each invoke paired with its completion (Jepsen
// pairing: the next op of the same process). Building it validates the pairing.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

#include "checks/id_index.h"
#include "core/history.h"
#include "core/status.h"

namespace dt {

inline constexpr uint64_t kNoCompletion = std::numeric_limits<uint64_t>::max();

// One client operation: its invoke and (if any) its completion.
struct IndexedOp {
  uint64_t invoke_index = 0;
  uint64_t completion_index = kNoCompletion;  // still open at the end of the history
  OpFn f = OpFn::get;
  OpType outcome = OpType::invoke;  // ok / fail / info; invoke while open
  Key key = 0;
  ProcessId process = 0;
  WriteId write_id = 0;
  uint64_t op_id = 0;
  NodeId coordinator = kNoNode;
  TimeNs invoke_ns = 0;
  TimeNs completion_ns = kNever;

  bool completed() const { return completion_index != kNoCompletion; }
  bool ok() const { return outcome == OpType::ok; }
};

class HistoryIndex {
 public:
  // Errors name the op and the broken rule: "history[7]: ok for process 2 with no open
  // invoke". The history must outlive the index.
  static Result<HistoryIndex> build(const History& history);

  const History& history() const { return *history_; }
  // Ops in invoke order; an op number is a position in this vector.
  const std::vector<IndexedOp>& ops() const { return ops_; }
  const IndexedOp& op(size_t op_number) const;
  // The op number an invoke or completion at `history_index` belongs to.
  size_t op_number_of_index(uint64_t history_index) const;
  std::optional<size_t> op_of_write(WriteId write_id) const;
  std::optional<size_t> op_of_op_id(uint64_t op_id) const;
  const HistoryOp& invoke_of(const IndexedOp& op) const;
  // REQUIRES: op.completed()
  const HistoryOp& completion_of(const IndexedOp& op) const;

 private:
  explicit HistoryIndex(const History& history)
      : history_(&history), op_by_write_(4 * history.size() + 1024),
        op_by_op_id_(4 * history.size() + 1024) {}
  Status add_invoke(const HistoryOp& op);
  Status add_completion(const HistoryOp& op, std::unordered_map<ProcessId, size_t>& open);

  const History* history_;
  std::vector<IndexedOp> ops_;
  std::vector<uint32_t> op_number_by_index_;
  IdIndex op_by_write_;
  IdIndex op_by_op_id_;
};

}  // namespace dt
