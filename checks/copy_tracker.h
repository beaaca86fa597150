// Follows the copies of one write through the trace: which nodes hold it (or a
// version superseding it) in their main store or hint store, and when the last
// copy was destroyed. Durability uses it to tell a loss by faults from a bug.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
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
  // The record that destroyed the last copy the most recent time the count hit zero.
  const std::optional<TraceRecord>& last_destruction() const { return last_destruction_; }
  std::string holders_text() const;  // "main {0,2} hints {4}"

 private:
  bool covers(WriteId version) const { return descendants_.count(version) != 0; }
  void after_loss(const TraceRecord& record, size_t live_before);

  const Config& config_;
  std::unordered_set<WriteId> descendants_;
  std::set<NodeId> main_;                       // nodes holding a covering main-store version
  std::map<NodeId, std::set<WriteId>> hints_;   // holder -> covering hinted versions
  bool ever_copied_ = false;
  std::optional<TraceRecord> last_destruction_;
};

}  // namespace dt
