#include "core/hash.h"

// XXH3 comes inlined through core/hash.h (XXH_INLINE_ALL).
#include <algorithm>
#include <cstring>

#include "core/assert.h"

namespace dt {

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed) {
  return XXH3_64bits_withSeed(data, size, seed);
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

void Hasher::add_u64_spilling(uint64_t x) {
  unsigned char bytes[8];
  hash_detail::store_le64(bytes, x);
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
