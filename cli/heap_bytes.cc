#include "cli/heap_bytes.h"

#include <malloc.h>

#include <fmt/format.h>

#ifdef DT_MIMALLOC
#include <mimalloc.h>
#endif

namespace dt {

#ifdef DT_MIMALLOC

size_t heap_bytes_kept(const std::function<void()>& build) {
  mi_heap_t* heap = mi_heap_new();
  mi_heap_t* previous = mi_heap_set_default(heap);
  build();
  mi_heap_set_default(previous);
  size_t bytes = 0;
  mi_heap_visit_blocks(
      heap, false,
      [](const mi_heap_t*, const mi_heap_area_t* area, void*, size_t, void* total) {
        *static_cast<size_t*>(total) += area->used * area->block_size;
        return true;
      },
      &bytes);
  mi_heap_delete(heap);  // blocks still in use move to the default heap
  return bytes;
}

std::string malloc_name() {
  const int v = mi_version();
  return fmt::format("mimalloc {}.{}.{}", v / 100, v / 10 % 10, v % 10);
}

#else

// In use in the arena plus blocks mmapped on their own (glibc serves large
// requests, such as a big table's buckets, outside the arena).
size_t glibc_bytes_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

size_t heap_bytes_kept(const std::function<void()>& build) {
  const size_t before = glibc_bytes_in_use();
  build();
  const size_t after = glibc_bytes_in_use();
  return after > before ? after - before : 0;
}

std::string malloc_name() { return "glibc"; }

#endif

}  // namespace dt
