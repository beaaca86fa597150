#include "core/messages.h"

#include <fmt/format.h>

namespace dt {

namespace {

struct Namer {
  const char* operator()(const StoreRequest&) const { return "StoreRequest"; }
  const char* operator()(const StoreAck&) const { return "StoreAck"; }
  const char* operator()(const FetchRequest&) const { return "FetchRequest"; }
  const char* operator()(const FetchReply&) const { return "FetchReply"; }
  const char* operator()(const RepairWrite&) const { return "RepairWrite"; }
  const char* operator()(const HandoffOffer&) const { return "HandoffOffer"; }
  const char* operator()(const HandoffAck&) const { return "HandoffAck"; }
  const char* operator()(const Probe&) const { return "Probe"; }
  const char* operator()(const ProbeReply&) const { return "ProbeReply"; }
  const char* operator()(const MerkleCompare&) const { return "MerkleCompare"; }
  const char* operator()(const MerkleDiff&) const { return "MerkleDiff"; }
  const char* operator()(const MerkleLeafData&) const { return "MerkleLeafData"; }
};

std::string entries_text(const std::vector<HintedEntry>& entries) {
  std::string out;
  for (const HintedEntry& e : entries) {
    out += fmt::format(" k{}:{}", e.key, e.version.to_string());
  }
  return out;
}

template <typename T>
std::string join(const std::vector<T>& items) {
  return fmt::format("[{}]", fmt::join(items, ","));
}

struct Describer {
  std::string operator()(const StoreRequest& m) const {
    return fmt::format("StoreRequest req={} key={} {}{}", m.request_id, m.key,
                       m.version.to_string(),
                       m.hint_for == kNoNode ? "" : fmt::format(" hint_for={}", m.hint_for));
  }
  std::string operator()(const StoreAck& m) const {
    return fmt::format("StoreAck req={} key={}", m.request_id, m.key);
  }
  std::string operator()(const FetchRequest& m) const {
    return fmt::format("FetchRequest req={} key={}", m.request_id, m.key);
  }
  std::string operator()(const FetchReply& m) const {
    return fmt::format("FetchReply req={} key={} {}", m.request_id, m.key,
                       to_string(m.siblings));
  }
  std::string operator()(const RepairWrite& m) const {
    return fmt::format("RepairWrite key={} {}", m.key, to_string(m.siblings));
  }
  std::string operator()(const HandoffOffer& m) const {
    return fmt::format("HandoffOffer batch={}{}", m.batch_id, entries_text(m.entries));
  }
  std::string operator()(const HandoffAck& m) const {
    return fmt::format("HandoffAck batch={}{}", m.batch_id, entries_text(m.stored));
  }
  std::string operator()(const Probe& m) const { return fmt::format("Probe {}", m.sequence); }
  std::string operator()(const ProbeReply& m) const {
    return fmt::format("ProbeReply {}", m.sequence);
  }
  std::string operator()(const MerkleCompare& m) const {
    return fmt::format("MerkleCompare x={} p={} level={} nodes={}", m.exchange_id, m.partition,
                       m.level, join(m.indices));
  }
  std::string operator()(const MerkleDiff& m) const {
    return fmt::format("MerkleDiff x={} p={} level={} differing={}", m.exchange_id, m.partition,
                       m.level, join(m.differing));
  }
  std::string operator()(const MerkleLeafData& m) const {
    std::string keys;
    for (const KeyData& d : m.data) keys += fmt::format(" k{}:{}", d.key, to_string(d.siblings));
    return fmt::format("MerkleLeafData x={} p={} leaves={}{}{}", m.exchange_id, m.partition,
                       join(m.leaves), m.is_reply ? " reply" : "", keys);
  }
};

}  // namespace

const char* message_name(const Message& message) { return std::visit(Namer{}, message); }

std::string describe(const Message& message) { return std::visit(Describer{}, message); }

}  // namespace dt
