// The canonical abstract state of a node: what the model and the impl must
// agree on after every event, and what convergence is judged on. Ordered
// containers only, so equal states print and hash identically.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/types.h"
#include "core/version.h"

namespace dt {

// A coordinator's in-flight client request.
struct PendingRequestState {
  RequestId request_id = 0;
  uint64_t op_id = 0;
  Key key = 0;
  std::vector<NodeId> targets;   // sorted: asked so far
  std::vector<NodeId> answered;  // sorted: acked/replied so far
  friend bool operator==(const PendingRequestState&, const PendingRequestState&) = default;
};

struct NodeState {
  NodeId node = kNoNode;
  std::map<Key, Siblings> store;                     // main store, canonical siblings
  std::map<NodeId, std::map<Key, Siblings>> hints;   // by intended node
  std::vector<NodeId> suspected;                     // sorted: believed down
  std::vector<PendingRequestState> pending;          // sorted by request id
  std::map<uint32_t, uint64_t> merkle_roots;         // partition -> root hash

  friend bool operator==(const NodeState&, const NodeState&) = default;
  // What run digests fold in (final states); its formula is fixed, so digests
  // stay comparable across builds.
  uint64_t digest() const;
  // The same fields hashed part by part (core/state_digest.h): what lockstep
  // compares after every event, since a node can cache the parts that change
  // rarely (its store and Merkle roots). Not equal to digest().
  uint64_t comparison_digest() const;
  // Readable differences ("store[k3]: model [..] impl [..]"), empty when equal.
  std::vector<std::string> differences(const NodeState& other, const char* this_name,
                                       const char* other_name) const;
};

}  // namespace dt
