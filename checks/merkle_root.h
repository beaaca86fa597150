// The Merkle root of one partition of a node's store, as docs/protocol.md
// defines it, stated here apart from the model's tree so that convergence can
// judge the roots a node reports instead of trusting them: a node whose roots
// disagree with its own store runs anti-entropy on wrong summaries (an
// exchange that skips a difference, or chases one that is not there), which
// read repair and handoff can hide from every other check.
//
//   leaf(l)      = sum mod 2^64 of hash_combine(key_hash(k), hash_siblings(s))
//                  over the partition's keys k with merkle_leaf_of(k) == l;
//                  0 for a leaf without keys
//   inner(l, i)  = hash_combine(child 2i, child 2i+1)
//   root         = inner(0, 0), or the leaf itself when depth == 0
#pragma once

#include <cstdint>
#include <map>

#include "checks/home_placement.h"
#include "core/version.h"

namespace dt {

// REQUIRES: depth <= 32, partition < placement.partitions().
uint64_t expected_merkle_root(const std::map<Key, Siblings>& store, const HomePlacement& placement,
                              uint32_t partition, uint32_t depth);

}  // namespace dt
