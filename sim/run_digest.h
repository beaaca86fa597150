// The run digest: one 64-bit hash over a canonical encoding of everything a
// run produced (history, trace records, liveness facts, final states,
// coverage). Independent of any file format, so a JSON writer change never
// changes a digest; equal runs give equal digests on every machine.
#pragma once

#include <cstdint>
#include <string>

#include "core/history.h"
#include "core/run_record.h"

namespace dt {

uint64_t run_digest(const History& history, const ReplicaTrace& trace);
// 16 lowercase hex digits.
std::string digest_hex(uint64_t digest);

}  // namespace dt
