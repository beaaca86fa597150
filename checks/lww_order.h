// Last-writer-wins order as the stores apply it, for the checkers.
//
// A merge under LWW first drops every version another one supersedes (its
// context covers the other's dot), then keeps the highest (lww_timestamp_ns,
// dot). So "x beats y" (a merge of the two keeps x) means: x supersedes y, or
// neither supersedes the other and x is higher by (timestamp, dot). The
// relation is not transitive (a causal overwrite may carry an older
// timestamp), so what merges leave behind is described by chains: the winner
// of a merge reaches every version it dropped through a chain of "beats", and
// so does every later winner at the same store.
//
// A write's timestamp is its coordinator's local clock when the request
// started: taken from a Version of it seen in a reply or a final state, else
// derived from the trace (the time of its request_started record plus the skew
// the coordinator's latest clock_skewed record set).
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "checks/check_context.h"

namespace dt {

struct LwwStamp {
  int64_t timestamp_ns = 0;
  NodeId coordinator = kNoNode;  // kNoNode when only observed
  int64_t skew_ns = 0;           // the coordinator's skew when derived
  bool observed = false;         // read from a Version, not derived
};

class LwwOrder {
 public:
  explicit LwwOrder(const CheckContext& ctx);

  const LwwStamp* stamp(WriteId write_id) const;
  // Versions whose own timestamp differs from the one the trace implies.
  size_t disagreements() const { return disagreements_; }
  // Does a merge of the two keep `x`? nullopt when a dot or timestamp is unknown.
  std::optional<bool> beats(WriteId x, WriteId y) const;
  // True when a chain `from` beats .. beats `to` may exist among the writes of
  // `key`; an edge of unknown direction counts as present, so false is certain.
  bool reaches(Key key, WriteId from, WriteId to) const;

 private:
  void observe(const Version& version);
  void derive_from_trace();
  const std::vector<WriteId>& writes_of_key(Key key) const;

  const CheckContext* ctx_;
  std::unordered_map<WriteId, LwwStamp> stamps_;
  size_t disagreements_ = 0;
  mutable std::unordered_map<Key, std::vector<WriteId>> writes_by_key_;  // built lazily
};

}  // namespace dt
