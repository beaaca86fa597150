#include "core/version.h"

#include <algorithm>

#include "core/hash.h"

namespace dt {

VClock Version::clock() const {
  VClock c = context;
  if (c.get(dot.actor) < dot.counter) {
    c.merge(VClock({{dot.actor, dot.counter}}));
  }
  return c;
}

uint64_t Version::hash() const {
  uint64_t h = hash_combine(hash_combine(dot.actor, dot.counter), context.hash());
  h = hash_combine(h, hash_u64(write_id, tombstone ? 1 : 2));
  h = hash_combine(h, static_cast<uint64_t>(lww_timestamp_ns));
  h = hash_combine(h, value.size());
  for (ElementValue e : value) h = hash_combine(h, static_cast<uint64_t>(e));
  return h;
}

std::string Version::to_string() const {
  std::string out = "w" + std::to_string(write_id) + "@" + std::to_string(dot.actor) + ":" +
                    std::to_string(dot.counter) + context.to_string() + "=";
  if (tombstone) return out + "tombstone";
  out += "[";
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) out += ",";
    out += std::to_string(value[i]);
  }
  return out + "]";
}

bool supersedes(const Version& newer, const Version& older) {
  return newer.dot != older.dot && clock_covers(newer.context, older.dot);
}

Order compare(const Version& a, const Version& b) {
  if (a.dot == b.dot) return Order::equal;
  if (supersedes(a, b)) return Order::after;
  if (supersedes(b, a)) return Order::before;
  return Order::concurrent;
}

void sort_canonical(Siblings& siblings) {
  std::sort(siblings.begin(), siblings.end(),
            [](const Version& a, const Version& b) { return a.dot < b.dot; });
}

uint64_t hash_siblings(const Siblings& siblings) {
  uint64_t h = hash_u64(siblings.size(), 0x5167);
  for (const Version& v : siblings) h = hash_combine(h, v.hash());
  return h;
}

std::string to_string(const Siblings& siblings) {
  std::string out = "[";
  for (size_t i = 0; i < siblings.size(); ++i) {
    if (i > 0) out += " ";
    out += siblings[i].to_string();
  }
  return out + "]";
}

VClock context_of(const Siblings& siblings) {
  VClock context;
  for (const Version& v : siblings) context.merge(v.clock());
  return context;
}

bool all_tombstones(const Siblings& siblings) {
  return std::all_of(siblings.begin(), siblings.end(),
                     [](const Version& v) { return v.tombstone; });
}

}  // namespace dt
