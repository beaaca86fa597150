// Transitive supersession between the versions of one key. Contexts are not
// causally closed (a context {1:8} read from one sibling covers dots 1:1..1:7
// its writer never saw), so "v descends from w" needs the chain: w is superseded
// by u, u by v.
//
// Each write gets a closed clock: the join of its own context and the contexts
// of every version it reaches backwards through such chains (restricted to the
// actors of the key's dots). Versions of one actor that a context covers form a
// counter prefix, and a union of prefixes is a prefix, so w's chain-ancestors
// are exactly the writes whose dot the closed clock covers. Building is linear
// in writes times actors of the key; each query is a lookup.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_set>
#include <vector>

#include "checks/history_index.h"
#include "checks/id_index.h"
#include "checks/write_facts.h"

namespace dt {

class Supersession {
 public:
  Supersession(const HistoryIndex& index, const WriteFacts& facts);

  // True when `newer` is `older` or a write on the same key that supersedes it,
  // directly or through a chain of superseding versions.
  bool descends(WriteId newer, WriteId older) const;
  // Every write on the same key that supersedes `write_id`, directly or through a
  // chain of superseding versions; `write_id` itself included. Linear in the
  // writes of the key.
  std::unordered_set<WriteId> descendants(WriteId write_id) const;

 private:
  struct KeyWrites {
    std::vector<WriteId> writes;   // in invoke order
    std::vector<ActorId> actors;   // sorted: the actors of the writes' dots
    size_t closure_offset = 0;     // writes.size() * actors.size() entries in closures_
  };
  struct Slot {
    uint32_t key_slot = 0;  // position in keys_
    uint32_t position = 0;  // position in KeyWrites::writes
  };

  void close_key(KeyWrites& key);
  const uint64_t* closure_of(const Slot& slot) const;

  const WriteFacts& facts_;
  std::vector<KeyWrites> keys_;
  IdIndex slot_of_write_;  // write id -> position in slots_
  std::vector<Slot> slots_;
  std::vector<uint64_t> closures_;  // per write: the closed clock, one counter per key actor
};

}  // namespace dt
