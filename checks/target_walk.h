// The coordinator's target walk, worst case: how long one phase of a request
// (a get's reads or a write's stores) needs to collect `needed` answers.
// Availability obliges an op only when this walk succeeds before the request
// deadline whatever the nodes outside the window's stable set did, and the op
// still had time to finish: the protocol does not promise more.
//
// The walk (docs/protocol.md): the coordinator asks the first N unsuspected
// nodes of the key's extended list (strict: the unsuspected home nodes); a
// target silent for replica_timeout_ns is suspected and, in sloppy mode,
// replaced by the next untried fallback, until the request deadline.
//
// Who answers: an `always` node (reachable and up through the whole window)
// answers within two network delays; a `never` node never does; a `maybe`
// node (reachable for part of the window) may answer or stay silent. A node
// that is not `always` may also be suspected when its turn comes, and then
// is skipped. The worst case is not "every node outside the stable set
// silent": a node that answers (or is skipped) starts no chain of
// fallbacks, so the remaining silent targets must walk a run of unreachable
// fallbacks alone and can pass the deadline where more chains would have
// walked it together (found by a large clean run: three homes answered just
// before a partition, the fourth's single chain met three unreachable
// fallbacks). So the walk is searched over every behaviour of those nodes,
// each choice made when the node's turn comes (each node is asked at most
// once), with the states memoized. `always` nodes are never suspected within
// the window (availability starts it as long before the invoke as a
// suspicion can outlast a node's return).
// tests/checks/target_walk_test.cc checks it against a plain enumeration.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/config.h"
#include "core/types.h"

namespace dt {

enum class Answers : uint8_t { never, maybe, always };

// nullopt: some behaviour of the maybe nodes leaves the walk short of
// `needed` answers at the deadline. Otherwise the latest time, over those
// behaviours, from the coordinator starting the phase to the `needed`-th
// answer. `extended` is the key's whole ring walk (homes first); `answers`
// is indexed by node.
std::optional<TimeNs> worst_case_walk_ns(const Config& config, const std::vector<NodeId>& extended,
                                         const std::vector<Answers>& answers, size_t needed);

}  // namespace dt
