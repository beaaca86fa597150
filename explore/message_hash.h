// A 64-bit hash of every field of a protocol message (or of a trace record or
// a history event, time left out), for state fingerprints and choice identities in the
// explorer. Equal messages hash equal on every machine (field order fixed,
// no pointers, no padding).
#pragma once

#include <cstdint>

#include "core/hash.h"
#include "core/history.h"
#include "core/messages.h"
#include "core/trace.h"

namespace dt {

uint64_t hash_message(const Message& message);
// The hash of one in-flight copy: sender, receiver and content.
uint64_t hash_envelope(NodeId from, NodeId to, const Message& message);
// Every field but the time: the records of one node in order are part of a
// state's identity (checkers read them).
uint64_t hash_trace_record(const TraceRecord& record);
// Every field of a history event but its time and process (the identity
// names processes itself, to let interchangeable clients meet).
uint64_t hash_history_event(const HistoryOp& op);

}  // namespace dt
