// Follows the copies of one write through the trace: which nodes hold it (or a
// version superseding it) in their main store or hint store, and when the last
// copy was destroyed. Durability uses it to tell a loss by faults from a bug.
//
// Only faults destroy copies here (a `wiped` node loses everything, a
// `crashed` one its hints when the config makes hints volatile): a node's own
// `lost_on_*` claim is never an explanation. The protocol's own removals are
// followed too: a merge that drops a version (`superseded`,
// `hint_superseded`: its replacement is a descendant, counted when stored) and
// a hint deleted after its handoff was acked.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>

#include "core/types.h"
#include "core/config.h"
#include "core/trace.h"

namespace dt {

class CopyTracker {
 public:
  // `descendants`: the write and every version superseding it (Supersession).
  CopyTracker(const Config& config, std::unordered_set<WriteId> descendants, WriteId write_id);

  // REQUIRES: records arrive in trace order; only records of the write's key and
  // node faults (crashed, wiped) matter, others are ignored.
  void apply(const TraceRecord& record);

  size_t live_copies() const;
  bool ever_copied() const { return ever_copied_; }
  // The record that destroyed the last copy the most recent time the count hit
  // zero. A hint deleted on an honest ack whose receiver was wiped before the
  // ack arrived is destroyed by that wipe: the wipe record is named.
  const std::optional<TraceRecord>& last_destruction() const { return last_destruction_; }
  std::string holders_text() const;  // "main {0,2} hints {4}"

 private:
  bool covers(WriteId version) const { return descendants_.count(version) != 0; }
  void after_loss(const TraceRecord& destroyer, size_t live_before);
  void erase_hint(NodeId holder, WriteId version);

  const Config& config_;
  std::unordered_set<WriteId> descendants_;
  std::map<NodeId, std::set<WriteId>> main_;    // node -> covering main-store versions
  std::map<NodeId, std::set<WriteId>> hints_;   // holder -> covering hinted versions
  // (holder, intended, version) -> the wipe of `intended` that came after it
  // acked that hint (nullopt: acked and not wiped since).
  std::map<std::tuple<NodeId, NodeId, WriteId>, std::optional<TraceRecord>> acked_;
  bool ever_copied_ = false;
  std::optional<TraceRecord> last_destruction_;
};

}  // namespace dt
