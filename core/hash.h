// Hashing on xxHash (XXH3, 64 bit). Stable across machines and compilers;
// never hash pointers or padding.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

// XXH3 compiled into every caller: hash_u64 and hash_combine run on every
// digest field and tree node (a tenth of a campaign run), and as calls they
// paid a call and the length dispatch each time. The same algorithm: values
// are unchanged (tests/core/hash_test.cc compares them with the library's).
#ifndef XXH_INLINE_ALL
#define XXH_INLINE_ALL
#endif
#include <xxhash.h>

namespace dt {

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed = 0);
inline uint64_t hash_string(std::string_view s, uint64_t seed = 0) {
  return hash_bytes(s.data(), s.size(), seed);
}
namespace hash_detail {
// Writes x's 8 bytes least significant first (the byte order every value
// here is hashed in, on any machine): one store on a little-endian machine.
inline void store_le64(unsigned char* out, uint64_t x) {
  static_assert(std::endian::native == std::endian::little ||
                std::endian::native == std::endian::big, "mixed-endian machine");
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  std::memcpy(out, &x, sizeof x);
}
}  // namespace hash_detail

inline uint64_t hash_u64(uint64_t x, uint64_t seed = 0) {
  unsigned char bytes[8];
  hash_detail::store_le64(bytes, x);
  return XXH3_64bits_withSeed(bytes, sizeof bytes, seed);
}
// Order-dependent combination (for tree nodes, digests).
inline uint64_t hash_combine(uint64_t a, uint64_t b) {
  unsigned char bytes[16];
  hash_detail::store_le64(bytes, a);
  hash_detail::store_le64(bytes + 8, b);
  return XXH3_64bits(bytes, sizeof bytes);
}

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
  // Inline while the word fits the buffer: digests feed it field by field.
  void add_u64(uint64_t x) {
    if (buffered_ + sizeof x > kBufferBytes) return add_u64_spilling(x);
    hash_detail::store_le64(buffer_ + buffered_, x);
    buffered_ += sizeof x;
  }
  void add_string(std::string_view s);  // length-prefixed
  uint64_t finish() const;

 private:
  static constexpr size_t kBufferBytes = 512;
  void append(const void* data, size_t size);
  // add_u64 when the word does not fit the buffer's rest.
  void add_u64_spilling(uint64_t x);
  // Moves the buffered bytes into the state (created on first use).
  void flush() const;

  mutable unsigned char buffer_[kBufferBytes];
  mutable size_t buffered_ = 0;
  mutable void* state_ = nullptr;  // XXH3_state_t, opaque so xxhash.h stays out of headers
};

}  // namespace dt
