#include "core/hash.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <string>
#include <vector>

namespace dt {
namespace {

// The bytes Hasher::add_u64 feeds: little-endian.
void put_u64(std::vector<unsigned char>& bytes, uint64_t x) {
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<unsigned char>(x >> (8 * i)));
}

// Whatever the input's length against the inline buffer, the value is XXH3 of
// the bytes fed: digests and fingerprints never depend on how they are fed.
TEST(Hasher, EqualsOneShotXxh3OfTheBytesFedAtEveryLength) {
  for (size_t words : {0u, 1u, 63u, 64u, 65u, 127u, 128u, 129u, 700u}) {
    Hasher h;
    std::vector<unsigned char> bytes;
    for (size_t i = 0; i < words; ++i) {
      const uint64_t x = i * 0x9E3779B97F4A7C15ull + words;
      h.add_u64(x);
      put_u64(bytes, x);
    }
    const std::string text(words * 3 + 1, 'k');  // crosses the buffer too
    h.add_string(text);
    put_u64(bytes, text.size());
    bytes.insert(bytes.end(), text.begin(), text.end());
    EXPECT_EQ(h.finish(), XXH3_64bits(bytes.data(), bytes.size())) << words << " words";
  }
}

TEST(Hasher, FinishTwiceAndFeedingOnAfterFinish) {
  for (size_t words : {3u, 200u}) {
    Hasher h;
    std::vector<unsigned char> bytes;
    for (size_t i = 0; i < words; ++i) {
      h.add_u64(i);
      put_u64(bytes, i);
    }
    const uint64_t first = h.finish();
    EXPECT_EQ(h.finish(), first);
    h.add_u64(42);
    put_u64(bytes, 42);
    EXPECT_EQ(h.finish(), XXH3_64bits(bytes.data(), bytes.size()));
  }
}

}  // namespace
}  // namespace dt
