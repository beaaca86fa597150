// Jepsen-style client operations: each op is an invoke followed by one
// completion (ok / fail / info) from the same process. `info` means the
// outcome is unknown (a write may be stored); that process never invokes
// again (the client driver moves to a fresh process id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "core/version.h"

namespace dt {

enum class OpType { invoke, ok, fail, info };
enum class OpFn { put, get, del, add };

const char* to_string(OpType type);
const char* to_string(OpFn fn);
std::optional<OpType> parse_op_type(std::string_view text);
std::optional<OpFn> parse_op_fn(std::string_view text);
inline bool is_write(OpFn fn) { return fn != OpFn::get; }

struct HistoryOp {
  uint64_t index = 0;         // dense, 0..n-1, file order = real-time order
  TimeNs time_ns = 0;
  ProcessId process = 0;
  OpType type = OpType::invoke;
  OpFn f = OpFn::get;
  Key key = 0;
  // put: the value written; add: the element added. Absent for get/delete.
  std::optional<ElementValue> value;
  WriteId write_id = 0;       // put/delete/add: the version this op writes
  uint64_t op_id = 0;         // links invoke, completion and trace records
  NodeId coordinator = kNoNode;
  VClock context;             // invoke: context sent; get ok: context returned
  Siblings read;              // get ok / add: the siblings that were read
  bool not_found = false;     // get ok: no live sibling (none, or all tombstones)
  std::string error;          // fail / info: why

  friend bool operator==(const HistoryOp&, const HistoryOp&) = default;
};

using History = std::vector<HistoryOp>;

}  // namespace dt
