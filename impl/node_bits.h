// A set of node ids as a bitset sized to the cluster: one 64-bit word per 64
// nodes, so membership is a shift and a walk visits ids ascending in
// O(words + members). A cluster of at most 64 nodes has exactly one word,
// which is what the impl's masks always were (and what it fingerprints).
#pragma once

#include <cstdint>
#include <vector>

#include "core/assert.h"
#include "core/hash.h"
#include "core/types.h"

namespace dt {

class NodeBits {
 public:
  explicit NodeBits(uint32_t nodes) : nodes_(nodes), words_((nodes + 63) / 64, 0) {}

  bool test(NodeId node) const {
    DT_ASSERT(node < nodes_, "node outside the set's cluster");
    return (words_[node / 64] >> (node % 64)) & 1;
  }
  void set(NodeId node) {
    DT_ASSERT(node < nodes_, "node outside the set's cluster");
    words_[node / 64] |= uint64_t{1} << (node % 64);
  }
  void reset(NodeId node) {
    DT_ASSERT(node < nodes_, "node outside the set's cluster");
    words_[node / 64] &= ~(uint64_t{1} << (node % 64));
  }
  void clear() {
    for (uint64_t& word : words_) word = 0;
  }
  // One step per member: the sets are sparse (suspected peers, nodes with
  // hints), and without -mpopcnt std::popcount is a call into libgcc.
  size_t count() const {
    size_t members = 0;
    for (uint64_t word : words_) {
      for (; word != 0; word &= word - 1) ++members;
    }
    return members;
  }
  bool none() const {
    for (uint64_t word : words_) {
      if (word != 0) return false;
    }
    return true;
  }
  // Calls f(node) for each member, ascending.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t word = words_[w]; word != 0; word &= word - 1) {
        f(static_cast<NodeId>(w * 64 + __builtin_ctzll(word)));
      }
    }
  }
  // Calls f(node) for each member that `other` lacks, ascending.
  template <typename F>
  void for_each_not_in(const NodeBits& other, F&& f) const {
    DT_ASSERT(other.words_.size() == words_.size(), "sets of different clusters");
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t word = words_[w] & ~other.words_[w]; word != 0; word &= word - 1) {
        f(static_cast<NodeId>(w * 64 + __builtin_ctzll(word)));
      }
    }
  }
  // Calls f(node) for each node in this set or `other`, ascending.
  template <typename F>
  void for_each_in_union(const NodeBits& other, F&& f) const {
    DT_ASSERT(other.words_.size() == words_.size(), "sets of different clusters");
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t word = words_[w] | other.words_[w]; word != 0; word &= word - 1) {
        f(static_cast<NodeId>(w * 64 + __builtin_ctzll(word)));
      }
    }
  }
  void fingerprint(Hasher& h) const {
    for (uint64_t word : words_) h.add_u64(word);
  }

 private:
  uint32_t nodes_;
  std::vector<uint64_t> words_;
};

}  // namespace dt
