// A 64-bit hash of every field of a protocol message, for state fingerprints
// and choice identities in the explorer. Equal messages hash equal on every
// machine (field order fixed, no pointers, no padding).
#pragma once

#include <cstdint>

#include "core/hash.h"
#include "core/messages.h"

namespace dt {

uint64_t hash_message(const Message& message);
// The hash of one in-flight copy: sender, receiver and content.
uint64_t hash_envelope(NodeId from, NodeId to, const Message& message);

}  // namespace dt
