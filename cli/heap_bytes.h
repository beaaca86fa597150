// Heap bytes measured whichever malloc the build links: glibc's, or
// mimalloc's when it is installed (CMakeLists.txt, DT_USE_MIMALLOC). glibc
// keeps a running total (mallinfo2); mimalloc keeps none, so there the
// allocations go to a heap of their own whose blocks in use are counted.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace dt {

// Bytes allocated by this thread while `build` runs and still held when it
// returns (allocator rounding included, as in glibc's total).
size_t heap_bytes_kept(const std::function<void()>& build);

// "glibc" or "mimalloc 2.0.9": which malloc this process runs on.
std::string malloc_name();

}  // namespace dt
