#include "core/vclock.h"

#include <algorithm>

#include "core/assert.h"
#include "core/hash.h"

namespace dt {

const char* to_string(Order order) {
  switch (order) {
    case Order::equal: return "equal";
    case Order::before: return "before";
    case Order::after: return "after";
    case Order::concurrent: return "concurrent";
  }
  return "?";
}

VClock::VClock(std::vector<Entry> entries) : entries_(std::move(entries)) {
  for (size_t i = 0; i < entries_.size(); ++i) {
    DT_ASSERT(entries_[i].second > 0, "vector clock entry with zero counter");
    DT_ASSERT(i == 0 || entries_[i - 1].first < entries_[i].first,
              "vector clock entries not sorted by node");
  }
}

uint64_t VClock::get(NodeId node) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), Entry{node, 0});
  return (it != entries_.end() && it->first == node) ? it->second : 0;
}

void VClock::increment(NodeId node) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), Entry{node, 0});
  if (it != entries_.end() && it->first == node) {
    DT_ASSERT(it->second < UINT64_MAX, "vector clock counter overflow");
    ++it->second;
  } else {
    entries_.insert(it, Entry{node, 1});
  }
}

VClock VClock::merged(const VClock& a, const VClock& b) {
  std::vector<Entry> out;
  out.reserve(a.entries_.size() + b.entries_.size());
  size_t i = 0, j = 0;
  while (i < a.entries_.size() || j < b.entries_.size()) {
    if (j == b.entries_.size() ||
        (i < a.entries_.size() && a.entries_[i].first < b.entries_[j].first)) {
      out.push_back(a.entries_[i++]);
    } else if (i == a.entries_.size() || b.entries_[j].first < a.entries_[i].first) {
      out.push_back(b.entries_[j++]);
    } else {
      out.emplace_back(a.entries_[i].first, std::max(a.entries_[i].second, b.entries_[j].second));
      ++i;
      ++j;
    }
  }
  VClock result;
  result.entries_ = std::move(out);
  return result;
}

void VClock::merge(const VClock& other) { *this = merged(*this, other); }

Order VClock::compare(const VClock& other) const {
  bool less = false;     // some counter of this < other's
  bool greater = false;  // some counter of this > other's
  size_t i = 0, j = 0;
  while (i < entries_.size() || j < other.entries_.size()) {
    if (j == other.entries_.size() ||
        (i < entries_.size() && entries_[i].first < other.entries_[j].first)) {
      greater = true;
      ++i;
    } else if (i == entries_.size() || other.entries_[j].first < entries_[i].first) {
      less = true;
      ++j;
    } else {
      if (entries_[i].second < other.entries_[j].second) less = true;
      if (entries_[i].second > other.entries_[j].second) greater = true;
      ++i;
      ++j;
    }
  }
  if (less && greater) return Order::concurrent;
  if (less) return Order::before;
  if (greater) return Order::after;
  return Order::equal;
}

bool VClock::descends(const VClock& other) const {
  const Order order = compare(other);
  return order == Order::equal || order == Order::after;
}

std::string VClock::to_string() const {
  std::string out = "{";
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i > 0) out += ",";
    out += std::to_string(entries_[i].first) + ":" + std::to_string(entries_[i].second);
  }
  return out + "}";
}

uint64_t VClock::hash() const {
  uint64_t h = hash_u64(entries_.size(), 0x7663);
  for (const auto& [node, counter] : entries_) {
    h = hash_combine(h, hash_combine(node, counter));
  }
  return h;
}

}  // namespace dt
