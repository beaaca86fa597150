#include "checks/lww_order.h"

#include <charconv>
#include <deque>
#include <tuple>
#include <unordered_set>

#include "core/assert.h"

namespace dt {

LwwOrder::LwwOrder(const CheckContext& ctx) : ctx_(&ctx) {
  // Observed timestamps first: they are what the stores compared.
  for (const HistoryOp& op : ctx.input.history) {
    for (const Version& v : op.read) observe(v);
  }
  for (const NodeState& state : ctx.input.trace.final_states) {
    for (const auto& [key, siblings] : state.store) {
      for (const Version& v : siblings) observe(v);
    }
    for (const auto& [intended, hints] : state.hints) {
      for (const auto& [key, siblings] : hints) {
        for (const Version& v : siblings) observe(v);
      }
    }
  }
  derive_from_trace();
}

void LwwOrder::observe(const Version& version) {
  if (version.write_id == 0) return;
  LwwStamp stamp;
  stamp.timestamp_ns = version.lww_timestamp_ns;
  stamp.observed = true;
  stamps_.try_emplace(version.write_id, stamp);
}

void LwwOrder::derive_from_trace() {
  // Per node: its current skew; nullopt after an unreadable clock_skewed record,
  // which leaves the node's timestamps unknown rather than guessed.
  std::unordered_map<NodeId, std::optional<int64_t>> skew_ns;
  for (const TraceRecord& r : ctx_->input.trace.records) {
    if (r.kind == TraceKind::clock_skewed) {
      int64_t skew = 0;
      const char* end = r.detail.data() + r.detail.size();
      const bool readable = std::from_chars(r.detail.data(), end, skew).ptr == end;
      skew_ns[r.node] = readable ? std::optional<int64_t>(skew) : std::nullopt;
      continue;
    }
    if (r.kind != TraceKind::request_started || r.write_id == 0) continue;
    const auto skew = skew_ns.find(r.node);
    if (skew != skew_ns.end() && !skew->second) continue;
    LwwStamp derived;
    derived.coordinator = r.node;
    derived.skew_ns = skew == skew_ns.end() ? 0 : *skew->second;
    derived.timestamp_ns = static_cast<int64_t>(r.time_ns) + derived.skew_ns;
    auto [it, inserted] = stamps_.try_emplace(r.write_id, derived);
    if (inserted) continue;
    if (it->second.timestamp_ns != derived.timestamp_ns) ++disagreements_;
    // Keep the observed timestamp, but remember who stamped it.
    it->second.coordinator = r.node;
    it->second.skew_ns = derived.skew_ns;
  }
}

const LwwStamp* LwwOrder::stamp(WriteId write_id) const {
  const auto it = stamps_.find(write_id);
  return it == stamps_.end() ? nullptr : &it->second;
}

std::optional<bool> LwwOrder::beats(WriteId x, WriteId y) const {
  if (x == y) return true;
  const WriteFact* fx = ctx_->writes.find(x);
  const WriteFact* fy = ctx_->writes.find(y);
  if (fx == nullptr || fy == nullptr || !fx->dot || !fy->dot) return std::nullopt;
  if (ctx_->writes.covers(x, y)) return true;
  if (ctx_->writes.covers(y, x)) return false;
  const LwwStamp* sx = stamp(x);
  const LwwStamp* sy = stamp(y);
  if (sx == nullptr || sy == nullptr) return std::nullopt;
  DT_ASSERT(*fx->dot != *fy->dot || x == y, "two writes share a dot");
  return std::tie(sx->timestamp_ns, *fx->dot) > std::tie(sy->timestamp_ns, *fy->dot);
}

const std::vector<WriteId>& LwwOrder::writes_of_key(Key key) const {
  if (writes_by_key_.empty()) {
    writes_by_key_.reserve(64);
    for (const IndexedOp& op : ctx_->index.ops()) {
      if (is_write(op.f)) writes_by_key_[op.key].push_back(op.write_id);
    }
  }
  static const std::vector<WriteId> kNone;
  const auto it = writes_by_key_.find(key);
  return it == writes_by_key_.end() ? kNone : it->second;
}

bool LwwOrder::reaches(Key key, WriteId from, WriteId to) const {
  if (beats(from, to) != false) return true;
  // Breadth-first over the key's writes: quadratic in them, paid only by pairs
  // that failed the direct test above.
  const std::vector<WriteId>& writes = writes_of_key(key);
  std::unordered_set<WriteId> seen{from};
  std::deque<WriteId> frontier{from};
  while (!frontier.empty()) {
    const WriteId at = frontier.front();
    frontier.pop_front();
    for (WriteId next : writes) {
      if (seen.count(next) != 0 || beats(at, next) == false) continue;
      if (next == to) return true;
      seen.insert(next);
      frontier.push_back(next);
    }
  }
  DT_ASSERT(seen.size() <= writes.size() + 1, "visited more writes than the key has");
  return false;
}

}  // namespace dt
