#include "core/hash.h"

// XXH3 compiled into this file, so the short inputs that dominate here
// (hash_combine's 16 bytes, a node's fields) are inlined calls rather than
// calls into the shared library. The same algorithm: values are unchanged
// (tests/core/hash_test.cc compares them with the library's).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/assert.h"

namespace dt {

namespace {

// Writes x's 8 bytes least significant first (the byte order every value
// here is hashed in, on any machine). One store on a little-endian machine:
// the byte-by-byte loop this replaces compiled to ~60 shifts and ors per
// hash_combine, four times the hash itself.
void store_le64(unsigned char* out, uint64_t x) {
  static_assert(std::endian::native == std::endian::little ||
                std::endian::native == std::endian::big, "mixed-endian machine");
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  std::memcpy(out, &x, sizeof x);
}

}  // namespace

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed) {
  return XXH3_64bits_withSeed(data, size, seed);
}

uint64_t hash_u64(uint64_t x, uint64_t seed) {
  unsigned char bytes[8];
  store_le64(bytes, x);
  return XXH3_64bits_withSeed(bytes, sizeof bytes, seed);
}

uint64_t hash_combine(uint64_t a, uint64_t b) {
  unsigned char bytes[16];
  store_le64(bytes, a);
  store_le64(bytes + 8, b);
  return XXH3_64bits(bytes, sizeof bytes);
}

Hasher::~Hasher() {
  if (state_ != nullptr) XXH3_freeState(static_cast<XXH3_state_t*>(state_));
}

void Hasher::flush() const {
  if (state_ == nullptr) {
    state_ = XXH3_createState();
    DT_ASSERT(state_ != nullptr, "XXH3_createState failed");
    XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_));
  }
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), buffer_, buffered_);
  buffered_ = 0;
}

void Hasher::append(const void* data, size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  while (size > 0) {
    if (buffered_ == kBufferBytes) flush();
    const size_t take = std::min(size, kBufferBytes - buffered_);
    std::memcpy(buffer_ + buffered_, bytes, take);
    buffered_ += take;
    bytes += take;
    size -= take;
  }
  DT_ASSERT(buffered_ <= kBufferBytes, "hasher buffer overrun");
}

void Hasher::add_u64(uint64_t x) {
  unsigned char bytes[8];
  store_le64(bytes, x);
  append(bytes, sizeof bytes);
}

void Hasher::add_string(std::string_view s) {
  add_u64(s.size());
  append(s.data(), s.size());
}

uint64_t Hasher::finish() const {
  if (state_ == nullptr) return XXH3_64bits(buffer_, buffered_);
  flush();
  return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_));
}

}  // namespace dt
