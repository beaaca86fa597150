// What a client op sends, shared by every client that drives nodes (the
// simulator's driver, the explorer) and by the checkers that judge the values
// (integrity): one rule, so a driver and its judge cannot drift apart.
// A delete and an add read first (for the context), then write.
#pragma once

#include "core/history.h"
#include "core/node.h"

namespace dt {

// Deletes and adds read first, then write what they read over.
inline bool is_composite(OpFn f) { return f == OpFn::del || f == OpFn::add; }

// The value an add writes: the elements of every live (non-tombstone) sibling
// it read plus its own element, sorted.
Value add_value(const Siblings& read, ElementValue element);

// The write phase of a delete or add after its read answered `read_reply`.
// REQUIRES: is_composite(f); an add carries its element.
ClientRequest write_phase_request(uint64_t op_id, OpFn f, Key key, WriteId write_id,
                                  const ClientReply& read_reply,
                                  const std::optional<ElementValue>& element);

}  // namespace dt
