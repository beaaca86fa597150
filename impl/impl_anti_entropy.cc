#include "impl/impl_anti_entropy.h"

#include <utility>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/state_fingerprint.h"
#include "impl/emit.h"

namespace dt {

void ImplAntiEntropy::fingerprint(Hasher& h) const {
  add_anti_entropy(h, round_, current_);
}

namespace {
constexpr uint32_t kDeepDescentLevel = 8;  // descending past this level is "deep"
}  // namespace

ImplAntiEntropy::ImplAntiEntropy(NodeId self, const Config& config, const Placement& placement)
    : self_(self), depth_(config.merkle_depth), placement_(&placement) {
  DT_ASSERT(self < config.nodes, "anti-entropy for a node outside the cluster");
  DT_ASSERT(depth_ <= 24, "merkle depth too large");
}

void ImplAntiEntropy::start_round(const MainStore& store, const PeerView& peers,
                                  uint64_t& next_id, Effects& out) {
  current_.reset();
  const auto& pairs = placement_->exchange_pairs();
  if (pairs.empty()) return;
  const auto [partition, peer] = pairs[round_ % pairs.size()];
  ++round_;
  if (peers.is_suspected(peer) || skipped_partition_ == partition) return;
  current_ = Exchange{next_id++, partition, peer, 0, 0};
  impl_send(out, peer,
            MerkleCompare{current_->exchange_id, partition, 0, {0}, {store.root(partition)}});
  if (out.trace_wanted) {
    TraceRecord started = impl_record(self_, TraceKind::merkle_exchange_started, peer);
    started.partition = partition;
    out.trace.push_back(std::move(started));
  }
  DT_ASSERT(peer != self_, "exchange with self");
}

void ImplAntiEntropy::on_compare(NodeId from, const MerkleCompare& compare,
                                 const MainStore& store, Effects& out) const {
  DT_ASSERT(compare.level <= depth_, "compare below the leaves");
  DT_ASSERT(compare.indices.size() == compare.hashes.size(), "compare hashes do not match nodes");
  MerkleDiff diff{compare.exchange_id, compare.partition, compare.level, {}};
  for (size_t i = 0; i < compare.indices.size(); ++i) {
    if (store.hash_at(compare.partition, compare.level, compare.indices[i]) != compare.hashes[i]) {
      diff.differing.push_back(compare.indices[i]);
    }
  }
  impl_send(out, from, std::move(diff));
}

bool ImplAntiEntropy::is_current(NodeId from, RequestId exchange_id, uint32_t partition) const {
  if (!current_ || current_->exchange_id != exchange_id || current_->peer != from) return false;
  DT_ASSERT(current_->partition == partition, "exchange answered for another partition");
  return true;
}

void ImplAntiEntropy::on_diff(NodeId from, const MerkleDiff& diff, const MainStore& store,
                              Effects& out) {
  if (!is_current(from, diff.exchange_id, diff.partition)) return;
  DT_ASSERT(diff.level <= depth_, "diff below the leaves");
  if (diff.differing.empty()) {
    finish(out);
    return;
  }
  const uint32_t partition = current_->partition;
  if (diff.level == depth_) {
    std::vector<KeyData> data = store.leaf_data(partition, diff.differing);
    current_->keys_transferred += data.size();
    out.marks.push_back(CoverageMark::merkle_leaf_reached);
    impl_send(out, from,
              MerkleLeafData{diff.exchange_id, partition, diff.differing, std::move(data), false});
    return;
  }
  MerkleCompare next{diff.exchange_id, partition, diff.level + 1, {}, {}};
  next.indices.reserve(2 * diff.differing.size());
  next.hashes.reserve(2 * diff.differing.size());
  for (uint32_t parent : diff.differing) {
    for (uint32_t child = 2 * parent; child <= 2 * parent + 1; ++child) {
      next.indices.push_back(child);
      next.hashes.push_back(store.hash_at(partition, next.level, child));
    }
  }
  current_->comparisons += next.indices.size();
  if (next.level > kDeepDescentLevel) out.marks.push_back(CoverageMark::merkle_deep_descent);
  impl_send(out, from, std::move(next));
}

void ImplAntiEntropy::finish(Effects& out) {
  DT_ASSERT(current_.has_value(), "finishing no exchange");
  if (out.trace_wanted) {
    TraceRecord record = impl_record(self_, TraceKind::merkle_exchange, current_->peer);
    record.partition = current_->partition;
    record.count = current_->comparisons;
    record.extra = current_->keys_transferred;
    out.trace.push_back(std::move(record));
  }
  current_.reset();
}

}  // namespace dt
