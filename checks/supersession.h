// Transitive supersession between the versions of one key. Contexts are not
// causally closed (a context {1:8} read from one sibling covers dots 1:1..1:7
// its writer never saw), so "v descends from w" needs the chain: w is superseded
// by u, u by v. Used only for writes that failed the direct check, so its
// quadratic worst case (in writes per key) stays off the common path.
#pragma once

#include <map>
#include <unordered_set>
#include <vector>

#include "checks/history_index.h"
#include "checks/write_facts.h"

namespace dt {

class Supersession {
 public:
  Supersession(const HistoryIndex& index, const WriteFacts& facts);

  // Every write on the same key that supersedes `write_id`, directly or through a
  // chain of superseding versions; `write_id` itself included.
  std::unordered_set<WriteId> descendants(WriteId write_id) const;

 private:
  const WriteFacts& facts_;
  const HistoryIndex& index_;
  std::map<Key, std::vector<WriteId>> writes_by_key_;  // writes with a known dot
};

}  // namespace dt
