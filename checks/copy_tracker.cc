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
  size_t live = 0;
  for (const auto& [node, versions] : main_) live += versions.empty() ? 0 : 1;
  for (const auto& [holder, versions] : hints_) live += versions.empty() ? 0 : 1;
  return live;
}

void CopyTracker::after_loss(const TraceRecord& destroyer, size_t live_before) {
  if (live_before > 0 && live_copies() == 0) last_destruction_ = destroyer;
}

void CopyTracker::erase_hint(NodeId holder, WriteId version) {
  if (auto it = hints_.find(holder); it != hints_.end()) it->second.erase(version);
}

void CopyTracker::apply(const TraceRecord& r) {
  const size_t live_before = live_copies();
  const TraceRecord* destroyer = &r;
  switch (r.kind) {
    case TraceKind::stored:
    case TraceKind::repaired:
    case TraceKind::anti_entropy_stored:
      if (covers(r.write_id)) main_[r.node].insert(r.write_id), ever_copied_ = true;
      break;
    case TraceKind::handed_off:
      if (covers(r.write_id)) main_[r.node].insert(r.write_id), ever_copied_ = true;
      [[fallthrough]];
    case TraceKind::handoff_covered:
      if (covers(r.write_id)) acked_[{r.peer, r.node, r.write_id}] = std::nullopt;
      break;
    case TraceKind::hinted:
      if (covers(r.write_id)) hints_[r.node].insert(r.write_id), ever_copied_ = true;
      break;
    case TraceKind::superseded:
      if (auto it = main_.find(r.node); it != main_.end()) it->second.erase(r.write_id);
      break;
    case TraceKind::hint_superseded:
      erase_hint(r.node, r.write_id);
      break;
    case TraceKind::hint_deleted:
      erase_hint(r.node, r.write_id);
      // The ack was honest when sent; a wipe of the intended node since then
      // is what destroyed the copy the ack vouched for.
      if (auto it = acked_.find({r.node, r.peer, r.write_id}); it != acked_.end() && it->second) {
        destroyer = &*it->second;
      }
      break;
    case TraceKind::wiped:
      main_.erase(r.node);
      hints_.erase(r.node);
      for (auto& [ack, wipe] : acked_) {
        if (std::get<1>(ack) == r.node && !wipe) wipe = r;
      }
      break;
    case TraceKind::crashed:
      if (config_.hint_store == HintStoreMode::volatile_) hints_.erase(r.node);
      break;
    default:
      // lost_on_crash / lost_on_wipe are the node's own claims: only the fault
      // records above destroy copies.
      break;
  }
  after_loss(*destroyer, live_before);
  DT_ASSERT(live_copies() <= 2 * size_t{config_.nodes}, "more copies than stores");
}

std::string CopyTracker::holders_text() const {
  std::set<NodeId> main_holders, hint_holders;
  for (const auto& [node, versions] : main_) {
    if (!versions.empty()) main_holders.insert(node);
  }
  for (const auto& [holder, versions] : hints_) {
    if (!versions.empty()) hint_holders.insert(holder);
  }
  return fmt::format("main {{{}}} hints {{{}}}", fmt::join(main_holders, ","),
                     fmt::join(hint_holders, ","));
}

}  // namespace dt
