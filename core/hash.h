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

// Streaming hasher for digests: feed fields in a fixed order. The result is
// XXH3 of the bytes fed, in order. They are gathered in an inline buffer and
// hashed in one call when they fit (no allocation, no per-field update);
// longer inputs stream through an XXH3 state one buffer at a time. XXH3 gives
// the same value either way, so the values never depend on the buffer.
class Hasher {
 public:
  Hasher() = default;
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  void add_u64(uint64_t x);
  void add_string(std::string_view s);  // length-prefixed
  uint64_t finish() const;

 private:
  static constexpr size_t kBufferBytes = 512;
  void append(const void* data, size_t size);
  // Moves the buffered bytes into the state (created on first use).
  void flush() const;

  mutable unsigned char buffer_[kBufferBytes];
  mutable size_t buffered_ = 0;
  mutable void* state_ = nullptr;  // XXH3_state_t, opaque so xxhash.h stays out of headers
};

}  // namespace dt
