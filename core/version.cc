#include "core/version.h"

#include <algorithm>
#include <tuple>

#include "core/hash.h"

namespace dt {

uint64_t Version::hash() const {
  uint64_t h = hash_combine(clock.hash(), hash_u64(write_id, tombstone ? 1 : 2));
  h = hash_combine(h, lww_timestamp_ns);
  for (ElementValue e : value) h = hash_combine(h, static_cast<uint64_t>(e));
  return h;
}

std::string Version::to_string() const {
  std::string out = "w" + std::to_string(write_id) + clock.to_string() + "=";
  if (tombstone) return out + "tombstone";
  out += "[";
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) out += ",";
    out += std::to_string(value[i]);
  }
  return out + "]";
}

void sort_canonical(Siblings& siblings) {
  std::sort(siblings.begin(), siblings.end(), [](const Version& a, const Version& b) {
    return std::tie(a.clock, a.write_id, a.lww_timestamp_ns, a.tombstone, a.value) <
           std::tie(b.clock, b.write_id, b.lww_timestamp_ns, b.tombstone, b.value);
  });
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
  for (const Version& v : siblings) context.merge(v.clock);
  return context;
}

bool all_tombstones(const Siblings& siblings) {
  return std::all_of(siblings.begin(), siblings.end(),
                     [](const Version& v) { return v.tombstone; });
}

}  // namespace dt
