// The protocol messages nodes exchange. Both the model and the impl speak
// exactly these, so their effects can be compared message by message.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/types.h"
#include "core/version.h"

namespace dt {

// Coordinator -> replica: store this version. hint_for != kNoNode makes the
// receiver keep it in its hint store on behalf of that home node.
struct StoreRequest {
  RequestId request_id = 0;
  Key key = 0;
  Version version;
  NodeId hint_for = kNoNode;
  friend bool operator==(const StoreRequest&, const StoreRequest&) = default;
};
// Replica -> coordinator: stored durably (or in the volatile hint store).
struct StoreAck {
  RequestId request_id = 0;
  Key key = 0;
  friend bool operator==(const StoreAck&, const StoreAck&) = default;
};
// Coordinator -> replica: send me your siblings of `key`.
struct FetchRequest {
  RequestId request_id = 0;
  Key key = 0;
  friend bool operator==(const FetchRequest&, const FetchRequest&) = default;
};
struct FetchReply {
  RequestId request_id = 0;
  Key key = 0;
  Siblings siblings;  // main store only, canonical order
  friend bool operator==(const FetchReply&, const FetchReply&) = default;
};
// Coordinator -> stale responder after a get (read repair). No ack.
struct RepairWrite {
  Key key = 0;
  Siblings siblings;
  friend bool operator==(const RepairWrite&, const RepairWrite&) = default;
};

struct HintedEntry {
  Key key = 0;
  Version version;
  friend bool operator==(const HintedEntry&, const HintedEntry&) = default;
};
// Hint holder -> intended node: the hints I hold for you.
struct HandoffOffer {
  RequestId batch_id = 0;
  std::vector<HintedEntry> entries;
  friend bool operator==(const HandoffOffer&, const HandoffOffer&) = default;
};
// Intended node -> holder: these exact entries are now durable here.
struct HandoffAck {
  RequestId batch_id = 0;
  std::vector<HintedEntry> stored;
  friend bool operator==(const HandoffAck&, const HandoffAck&) = default;
};

// Failure-detector probes.
struct Probe {
  uint64_t sequence = 0;
  friend bool operator==(const Probe&, const Probe&) = default;
};
struct ProbeReply {
  uint64_t sequence = 0;
  friend bool operator==(const ProbeReply&, const ProbeReply&) = default;
};

// Merkle anti-entropy. The initiator sends its hashes of some tree nodes at
// one level; the responder answers which of them differ from its own; the
// initiator descends into the children of those; at the leaf level the two
// exchange the data of the differing leaves and both merge.
struct MerkleCompare {
  RequestId exchange_id = 0;
  uint32_t partition = 0;
  uint32_t level = 0;               // 0 = root, merkle_depth = leaves
  std::vector<uint32_t> indices;    // node indices within the level
  std::vector<uint64_t> hashes;     // initiator's hash of each
  friend bool operator==(const MerkleCompare&, const MerkleCompare&) = default;
};
struct MerkleDiff {
  RequestId exchange_id = 0;
  uint32_t partition = 0;
  uint32_t level = 0;
  std::vector<uint32_t> differing;  // subset of the compared indices
  friend bool operator==(const MerkleDiff&, const MerkleDiff&) = default;
};
struct KeyData {
  Key key = 0;
  Siblings siblings;
  friend bool operator==(const KeyData&, const KeyData&) = default;
};
struct MerkleLeafData {
  RequestId exchange_id = 0;
  uint32_t partition = 0;
  std::vector<uint32_t> leaves;
  std::vector<KeyData> data;  // every owned key of those leaves, by key
  bool is_reply = false;      // the responder's answer: no further reply
  friend bool operator==(const MerkleLeafData&, const MerkleLeafData&) = default;
};

using Message = std::variant<StoreRequest, StoreAck, FetchRequest, FetchReply, RepairWrite,
                             HandoffOffer, HandoffAck, Probe, ProbeReply, MerkleCompare,
                             MerkleDiff, MerkleLeafData>;

const char* message_name(const Message& message);
// One line, for timelines and divergence reports.
std::string describe(const Message& message);

}  // namespace dt
