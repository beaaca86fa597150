// The Elle exports' op selection: rw-register (single-key transactions) and
// set-full (one cart key). See docs/exports.md for the rules and why.
#pragma once

#include <string>
#include <vector>

#include "core/history.h"
#include "histories/export_ops.h"

namespace dt::exporting {

// Marks and fills the pairs rw-register keeps; notes say what was left out.
Status select_rw_register(const History& history, std::vector<Pair>& pairs,
                          std::vector<std::string>& notes);
// The same for set-full over `key`.
Status select_set_full(const History& history, Key key, std::vector<Pair>& pairs,
                       std::vector<std::string>& notes);

// A get's single register value: null when nothing was read, the live
// sibling's one element, or `tombstone_value(write_id)` for a lone tombstone.
// nullopt when the read has no single register value (several siblings).
std::optional<Json> register_read_value(const HistoryOp& completion, bool tombstone_as_null);
// rw-register writes a delete as this value so it stays unique per key.
int64_t tombstone_value(WriteId write_id);

}  // namespace dt::exporting
