// What the checkers know about each client write's version: its dot (from the
// trace, the reads or the final states) and its context (the causal past it
// supersedes). The dot is assigned by the coordinator, so the history alone
// does not have it. The history and trace must outlive the facts (contexts
// are borrowed from them).
#pragma once

#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "checks/history_index.h"
#include "checks/id_index.h"
#include "core/run_record.h"
#include "core/version.h"

namespace dt {

struct WriteFact {
  std::optional<Dot> dot;             // unknown when no copy was ever seen
  const VClock* context = nullptr;    // never null once built
  bool context_from_version = false;  // true: taken from a stored/read Version itself
};

class WriteFacts {
 public:
  WriteFacts(const HistoryIndex& index, const ReplicaTrace& trace);

  // nullptr when the write id belongs to no version seen anywhere.
  const WriteFact* find(WriteId write_id) const;
  // True when version `newer` (by write id) equals or supersedes write `older`.
  // Unknown dots make it false except for equal ids.
  bool covers(WriteId newer, WriteId older) const;
  // The write whose version carries `dot`, if one is known.
  std::optional<WriteId> write_of_dot(const Dot& dot) const;

 private:
  WriteFact& fact_of(WriteId write_id);
  void learn_version(const Version& version);
  void learn_dot(WriteId write_id, const Dot& dot);

  IdIndex slot_of_write_;
  std::vector<WriteFact> facts_;
  std::vector<WriteId> write_of_slot_;
  std::deque<VClock> owned_contexts_;  // merged contexts of adds; deque keeps addresses
  std::vector<std::pair<uint64_t, WriteId>> write_by_dot_;  // packed dot, sorted
};

}  // namespace dt
