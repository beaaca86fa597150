#include "model/anti_entropy.h"

#include <utility>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/ring.h"
#include "core/state_fingerprint.h"
#include "model/merkle.h"
#include "model/records.h"
#include "model/replica.h"

namespace dt {

namespace {

constexpr uint32_t kDeepDescentLevel = 8;  // descending past this level is "deep"

void merge_leaf_data(NodeId self, NodeId from, const MerkleLeafData& message,
                     VersionStore& main_store, const Config& config, Effects& out) {
  for (const KeyData& entry : message.data) {
    DT_ASSERT(!entry.siblings.empty(), "leaf data for a key without versions");
    DT_ASSERT(partition_of(entry.key, config.partitions_q) == message.partition,
              "leaf data for a key of another partition");
    merge_into_main(self, from, TraceKind::anti_entropy_stored, entry.key, entry.siblings,
                    main_store, config.versioning, out);
  }
}

}  // namespace

AntiEntropy::AntiEntropy(NodeId self, const Config& config)
    : AntiEntropy(self, config, RingView(config)) {}

AntiEntropy::AntiEntropy(NodeId self, const Config& config, const RingView& ring)
    : self_(self), config_(config), ring_(ring) {
  DT_ASSERT(self < config.nodes, "anti-entropy for a node outside the cluster");
  DT_ASSERT(config.merkle_depth <= 24, "merkle depth too large");
}

void AntiEntropy::start_round(const VersionStore& main_store, const FailureDetector& detector,
                              uint64_t& next_id, Effects& out) {
  current_.reset();
  std::vector<std::pair<uint32_t, NodeId>> pairs;
  for (uint32_t partition : ring_.home_partitions(self_)) {
    for (NodeId peer : ring_.partition_homes(partition)) {
      if (peer != self_) pairs.emplace_back(partition, peer);
    }
  }
  if (pairs.empty()) return;
  const auto [partition, peer] = pairs[round_ % pairs.size()];
  ++round_;
  if (detector.is_suspected(peer)) return;
  const MerkleTree tree = build_partition_tree(main_store, config_, partition);
  current_ = Exchange{next_id++, partition, peer, 0, 0};
  send(out, peer, MerkleCompare{current_->exchange_id, partition, 0, {0}, {tree.root()}});
  TraceRecord started = make_record(self_, TraceKind::merkle_exchange_started, peer);
  started.partition = partition;
  emit(out, std::move(started));
  DT_ASSERT(peer != self_ && peer < config_.nodes, "exchange with self or an unknown node");
}

void AntiEntropy::on_compare(NodeId from, const MerkleCompare& compare,
                             const VersionStore& main_store, Effects& out) {
  DT_ASSERT(compare.level <= config_.merkle_depth, "compare below the leaves");
  DT_ASSERT(compare.indices.size() == compare.hashes.size(), "compare hashes do not match nodes");
  const MerkleTree tree = build_partition_tree(main_store, config_, compare.partition);
  MerkleDiff diff{compare.exchange_id, compare.partition, compare.level, {}};
  for (size_t i = 0; i < compare.indices.size(); ++i) {
    if (tree.hash_at(compare.level, compare.indices[i]) != compare.hashes[i]) {
      diff.differing.push_back(compare.indices[i]);
    }
  }
  send(out, from, std::move(diff));
}

bool AntiEntropy::is_current(NodeId from, RequestId exchange_id, uint32_t partition) const {
  if (!current_ || current_->exchange_id != exchange_id || current_->peer != from) return false;
  DT_ASSERT(current_->partition == partition, "exchange answered for another partition");
  return true;
}

void AntiEntropy::on_diff(NodeId from, const MerkleDiff& diff, const VersionStore& main_store,
                          Effects& out) {
  if (!is_current(from, diff.exchange_id, diff.partition)) return;  // abandoned exchange
  DT_ASSERT(diff.level <= config_.merkle_depth, "diff below the leaves");
  if (diff.differing.empty()) {
    finish(out);
    return;
  }
  const uint32_t partition = current_->partition;
  if (diff.level == config_.merkle_depth) {
    std::vector<KeyData> data = leaf_data(main_store, config_, partition, diff.differing);
    current_->keys_transferred += data.size();
    mark(out, CoverageMark::merkle_leaf_reached);
    send(out, from,
         MerkleLeafData{diff.exchange_id, partition, diff.differing, std::move(data), false});
    return;
  }
  const MerkleTree tree = build_partition_tree(main_store, config_, partition);
  MerkleCompare next{diff.exchange_id, partition, diff.level + 1, {}, {}};
  for (uint32_t parent : diff.differing) {
    for (uint32_t child = 2 * parent; child <= 2 * parent + 1; ++child) {
      next.indices.push_back(child);
      next.hashes.push_back(tree.hash_at(next.level, child));
    }
  }
  current_->comparisons += next.indices.size();
  if (next.level > kDeepDescentLevel) mark(out, CoverageMark::merkle_deep_descent);
  send(out, from, std::move(next));
}

void AntiEntropy::on_leaf_data(NodeId from, const MerkleLeafData& data, VersionStore& main_store,
                               Effects& out) {
  if (!data.is_reply) {
    // Responder: answer with what it held before merging, then merge.
    std::vector<KeyData> own = leaf_data(main_store, config_, data.partition, data.leaves);
    merge_leaf_data(self_, from, data, main_store, config_, out);
    send(out, from,
         MerkleLeafData{data.exchange_id, data.partition, data.leaves, std::move(own), true});
    return;
  }
  if (!is_current(from, data.exchange_id, data.partition)) return;
  merge_leaf_data(self_, from, data, main_store, config_, out);
  current_->keys_transferred += data.data.size();
  finish(out);
}

void AntiEntropy::finish(Effects& out) {
  DT_ASSERT(current_.has_value(), "finishing no exchange");
  TraceRecord record = make_record(self_, TraceKind::merkle_exchange, current_->peer);
  record.partition = current_->partition;
  record.count = current_->comparisons;
  record.extra = current_->keys_transferred;
  emit(out, std::move(record));
  current_.reset();
  DT_ASSERT(!current_.has_value(), "exchange still current after finishing");
}

void AntiEntropy::fingerprint(Hasher& h) const {
  add_anti_entropy(h, round_, current_);
}

void AntiEntropy::reset() {
  current_.reset();
  round_ = 0;
}

}  // namespace dt
