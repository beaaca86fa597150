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

// The one-shot helpers are XXH3 of their words' little-endian bytes. Both
// sides run the XXH3 that core/hash.h compiles inline, so this pins the
// encoding; the next test pins the shared library's values.
TEST(Hash, HelpersEqualTheLibrarysXxh3) {
  for (uint64_t i = 0; i < 1000; ++i) {
    const uint64_t a = i * 0x9E3779B97F4A7C15ull;
    const uint64_t b = ~i * 0xC2B2AE3D27D4EB4Full;
    std::vector<unsigned char> bytes;
    put_u64(bytes, a);
    EXPECT_EQ(hash_u64(a, b), XXH3_64bits_withSeed(bytes.data(), bytes.size(), b));
    put_u64(bytes, b);
    EXPECT_EQ(hash_combine(a, b), XXH3_64bits(bytes.data(), bytes.size()));
    const std::string text(i % 300, static_cast<char>('a' + i % 26));
    EXPECT_EQ(hash_string(text, a), XXH3_64bits_withSeed(text.data(), text.size(), a));
  }
}

// Values computed once with the shared libxxhash (XXH3_64bits on the
// little-endian bytes, a separate program): the helpers compile XXH3 inline
// (core/hash.h), so the comparison above runs inline code on both sides;
// these pin the library's values, on which every stored digest rests.
TEST(Hash, HelpersGiveTheSharedLibrarysValues) {
  EXPECT_EQ(hash_combine(0, 0), 0xd0a66a65c7528968ull);
  EXPECT_EQ(hash_combine(1, 2), 0x07ee86c281446befull);
  EXPECT_EQ(hash_combine(0xdeadbeefull, 0x123456789abcdefull), 0x86ec1bf2ec4c04cfull);
  EXPECT_EQ(hash_combine(~0ull, 42), 0x368f06454abf8541ull);
  EXPECT_EQ(hash_u64(0), 0xc77b3abb6f87acd9ull);
  EXPECT_EQ(hash_u64(42), 0xd5a6f8c838df27c8ull);
  EXPECT_EQ(hash_u64(42, 7), 0xb117e48ca46dc725ull);
  EXPECT_EQ(hash_u64(~0ull, 0x6e6f6465), 0x758b52a6b958320eull);
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
