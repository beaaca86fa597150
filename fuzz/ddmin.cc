#include "fuzz/ddmin.h"

#include <algorithm>
#include <set>

#include "core/assert.h"

namespace dt {

namespace {

// Splits `items` into `parts` contiguous chunks of near-equal size.
std::vector<std::vector<size_t>> split(const std::vector<size_t>& items, size_t parts) {
  DT_ASSERT(parts >= 1 && parts <= items.size(), "split into 1..size parts");
  std::vector<std::vector<size_t>> chunks(parts);
  for (size_t p = 0; p < parts; ++p) {
    const size_t begin = items.size() * p / parts;
    const size_t end = items.size() * (p + 1) / parts;
    chunks[p].assign(items.begin() + static_cast<std::ptrdiff_t>(begin),
                     items.begin() + static_cast<std::ptrdiff_t>(end));
  }
  DT_ASSERT(chunks.back().back() == items.back(), "chunks cover every item");
  return chunks;
}

std::vector<size_t> without(const std::vector<size_t>& items, const std::vector<size_t>& chunk) {
  std::vector<size_t> rest;
  std::set_difference(items.begin(), items.end(), chunk.begin(), chunk.end(),
                      std::back_inserter(rest));
  DT_ASSERT(rest.size() + chunk.size() == items.size(), "chunk is a subset of items");
  return rest;
}

// Remembers every subset already tried so no run repeats.
class CachedTest {
 public:
  explicit CachedTest(const SubsetTest& test) : test_(test) {}
  bool operator()(const std::vector<size_t>& subset) {
    if (!tried_.insert(subset).second) return false;
    return test_(subset);
  }

 private:
  const SubsetTest& test_;
  std::set<std::vector<size_t>> tried_;
};

}  // namespace

std::vector<size_t> ddmin(size_t count, const SubsetTest& still_fails) {
  DT_ASSERT(static_cast<bool>(still_fails), "ddmin needs a test");
  std::vector<size_t> current(count);
  for (size_t i = 0; i < count; ++i) current[i] = i;
  CachedTest test(still_fails);
  if (count == 0 || test({})) return {};
  size_t granularity = 2;
  // Each iteration either shrinks `current` or doubles the granularity, so
  // the loop ends after at most count * log2(count) iterations.
  while (current.size() >= 2) {
    granularity = std::min(granularity, current.size());
    const std::vector<std::vector<size_t>> chunks = split(current, granularity);
    bool reduced = false;
    for (const std::vector<size_t>& chunk : chunks) {
      if (test(chunk)) {
        current = chunk;
        granularity = 2;
        reduced = true;
        break;
      }
    }
    for (size_t i = 0; !reduced && granularity > 2 && i < chunks.size(); ++i) {
      std::vector<size_t> rest = without(current, chunks[i]);
      if (test(rest)) {
        current = std::move(rest);
        granularity = std::max<size_t>(granularity - 1, 2);
        reduced = true;
      }
    }
    if (reduced) continue;
    if (granularity >= current.size()) break;
    granularity = std::min(granularity * 2, current.size());
  }
  DT_ASSERT(std::is_sorted(current.begin(), current.end()), "kept indices stay ascending");
  return current;
}

}  // namespace dt
