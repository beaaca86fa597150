#include "checks/copy_tracker.h"

#include <utility>

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

CopyTracker::CopyTracker(const Config& config, std::unordered_set<WriteId> descendants,
                         WriteId write_id)
    : config_(config), descendants_(std::move(descendants)) {
  DT_ASSERT(write_id != 0, "tracking write 0");
  DT_ASSERT(descendants_.count(write_id) == 1, "a write descends from itself");
  DT_ASSERT(config.nodes > 0, "no nodes");
}

size_t CopyTracker::live_copies() const {
  size_t live = main_.size();
  for (const auto& [holder, versions] : hints_) live += versions.empty() ? 0 : 1;
  return live;
}

void CopyTracker::after_loss(const TraceRecord& record, size_t live_before) {
  if (live_before > 0 && live_copies() == 0) last_destruction_ = record;
}

void CopyTracker::apply(const TraceRecord& r) {
  const size_t live_before = live_copies();
  switch (r.kind) {
    case TraceKind::stored:
    case TraceKind::handed_off:
    case TraceKind::repaired:
    case TraceKind::anti_entropy_stored:
      if (covers(r.write_id)) main_.insert(r.node), ever_copied_ = true;
      break;
    case TraceKind::hinted:
      if (covers(r.write_id)) hints_[r.node].insert(r.write_id), ever_copied_ = true;
      break;
    case TraceKind::hint_deleted:
    case TraceKind::lost_on_crash:
      if (auto it = hints_.find(r.node); it != hints_.end()) it->second.erase(r.write_id);
      break;
    case TraceKind::lost_on_wipe:
      if (covers(r.write_id)) main_.erase(r.node);
      if (auto it = hints_.find(r.node); it != hints_.end()) it->second.erase(r.write_id);
      break;
    case TraceKind::wiped:
      main_.erase(r.node);
      hints_.erase(r.node);
      break;
    case TraceKind::crashed:
      if (config_.hint_store == HintStoreMode::volatile_) hints_.erase(r.node);
      break;
    default:
      break;
  }
  after_loss(r, live_before);
  DT_ASSERT(live_copies() <= 2 * size_t{config_.nodes}, "more copies than stores");
}

std::string CopyTracker::holders_text() const {
  std::set<NodeId> hint_holders;
  for (const auto& [holder, versions] : hints_) {
    if (!versions.empty()) hint_holders.insert(holder);
  }
  return fmt::format("main {{{}}} hints {{{}}}", fmt::join(main_, ","),
                     fmt::join(hint_holders, ","));
}

}  // namespace dt
