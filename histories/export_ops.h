// The export pipeline's shared middle: pairing a history's invokes with their
// completions, what each export keeps of a pair, and the final op sequence
// (real-time order, dense index, fresh process after info) rendered as the
// JSON array elle-cli reads or as Jepsen EDN.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/status.h"
#include "histories/json_util.h"

namespace dt::exporting {

// One client operation: an invoke and (unless unfinished) its completion.
struct Pair {
  size_t invoke = 0;  // index into the history
  std::optional<size_t> completion;
  // Filled by each export:
  bool keep = false;
  std::string f;      // "txn", "add", "read", "write"
  Json invoke_value;  // strings inside values are Elle keywords
  OpType completion_type = OpType::ok;
  Json completion_value;
  std::optional<Key> key;  // porcupine-kv tags each op with its key
};

// Pairs in invoke order; errors for a completion without an open invoke, a
// second invoke while one is open, or a mismatched completion.
Result<std::vector<Pair>> pair_ops(const History& history);

struct Op {
  uint64_t index = 0;
  TimeNs time_ns = 0;
  uint64_t process = 0;
  OpType type = OpType::invoke;
  std::string f;
  Json value;
  std::optional<Key> key;
};

// The kept pairs as ops in history order; a process that completed with info
// invokes again under a fresh id (above every id the history uses).
std::vector<Op> sequence(const History& history, const std::vector<Pair>& pairs);

// {"index", "time", "process", "type", "f", "key" (if any), "value"}.
Json op_to_json(const Op& op);
// One top-level JSON array, one op per line.
std::string render_json(const std::vector<Op>& ops);
// One EDN map per line: {:index 0, :time 10, :process 0, :type :invoke, ...}.
std::string render_edn(const std::vector<Op>& ops);

}  // namespace dt::exporting
