// The impl's Merkle anti-entropy: the model's exchange protocol, answered
// from the store's incremental trees (no rebuild per message) and per-leaf
// key lists (no store scan per leaf-data message).
#pragma once

#include <cstdint>
#include <optional>

#include "core/hash.h"
#include "core/node.h"
#include "impl/main_store.h"
#include "impl/peer_view.h"
#include "impl/placement.h"

namespace dt {

class ImplAntiEntropy {
 public:
  ImplAntiEntropy(NodeId self, const Config& config, const Placement& placement);
  // After copying the owning node: use the copy's placement.
  void rebind(const Placement& placement) { placement_ = &placement; }

  void start_round(const MainStore& store, const PeerView& peers, uint64_t& next_id,
                   Effects& out);
  void on_compare(NodeId from, const MerkleCompare& compare, const MainStore& store,
                  Effects& out) const;
  void on_diff(NodeId from, const MerkleDiff& diff, const MainStore& store, Effects& out);
  // Merging received data is the node's job: `merge_data` is called with
  // the message once this side should merge it.
  template <typename MergeData>
  void on_leaf_data(NodeId from, const MerkleLeafData& data, const MainStore& store,
                    Effects& out, MergeData&& merge_data);

  // Bug zoo (last_partition_not_in_tree): never start an exchange of `partition`.
  void skip_partition(uint32_t partition) { skipped_partition_ = partition; }

  // The round counter and the exchange in flight (FingerprintedNode).
  void fingerprint(Hasher& h) const;

  void reset() {
    current_.reset();
    round_ = 0;
  }

 private:
  struct Exchange {
    RequestId exchange_id = 0;
    uint32_t partition = 0;
    NodeId peer = kNoNode;
    uint64_t comparisons = 0;
    uint64_t keys_transferred = 0;
  };
  bool is_current(NodeId from, RequestId exchange_id, uint32_t partition) const;
  void finish(Effects& out);

  NodeId self_;
  uint32_t depth_;
  // A pointer, not a reference, so a copied node can point its copy at its
  // own placement (rebind).
  const Placement* placement_;
  uint64_t round_ = 0;
  std::optional<Exchange> current_;
  std::optional<uint32_t> skipped_partition_;
};

template <typename MergeData>
void ImplAntiEntropy::on_leaf_data(NodeId from, const MerkleLeafData& data,
                                   const MainStore& store, Effects& out,
                                   MergeData&& merge_data) {
  if (!data.is_reply) {
    // Responder: reply with its data from before the merge.
    std::vector<KeyData> own = store.leaf_data(data.partition, data.leaves);
    merge_data(data);
    out.sends.push_back(Outgoing{
        from, MerkleLeafData{data.exchange_id, data.partition, data.leaves, std::move(own), true}});
    return;
  }
  if (!is_current(from, data.exchange_id, data.partition)) return;
  merge_data(data);
  current_->keys_transferred += data.data.size();
  finish(out);
}

}  // namespace dt
