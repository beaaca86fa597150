#include "core/hash.h"

#include <xxhash.h>

#include "core/assert.h"

namespace dt {

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed) {
  return XXH3_64bits_withSeed(data, size, seed);
}

uint64_t hash_u64(uint64_t x, uint64_t seed) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(x >> (8 * i));
  return XXH3_64bits_withSeed(bytes, sizeof bytes, seed);
}

uint64_t hash_combine(uint64_t a, uint64_t b) {
  unsigned char bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<unsigned char>(a >> (8 * i));
    bytes[8 + i] = static_cast<unsigned char>(b >> (8 * i));
  }
  return XXH3_64bits(bytes, sizeof bytes);
}

Hasher::Hasher() : state_(XXH3_createState()) {
  DT_ASSERT(state_ != nullptr, "XXH3_createState failed");
  XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_));
}

Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void Hasher::add_u64(uint64_t x) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(x >> (8 * i));
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), bytes, sizeof bytes);
}

void Hasher::add_string(std::string_view s) {
  add_u64(s.size());
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), s.data(), s.size());
}

uint64_t Hasher::finish() const {
  return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_));
}

}  // namespace dt
