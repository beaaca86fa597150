// Hashing on xxHash (XXH3, 64 bit). Stable across machines and compilers;
// never hash pointers or padding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dt {

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed = 0);
inline uint64_t hash_string(std::string_view s, uint64_t seed = 0) {
  return hash_bytes(s.data(), s.size(), seed);
}
uint64_t hash_u64(uint64_t x, uint64_t seed = 0);
// Order-dependent combination (for tree nodes, digests).
uint64_t hash_combine(uint64_t a, uint64_t b);

// Streaming hasher for digests: feed fields in a fixed order.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  void add_u64(uint64_t x);
  void add_string(std::string_view s);  // length-prefixed
  uint64_t finish() const;

 private:
  void* state_;  // XXH3_state_t, kept opaque so xxhash.h stays out of headers
};

}  // namespace dt
