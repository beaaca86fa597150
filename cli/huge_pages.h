// Transparent huge pages for the heap, when the command runs on mimalloc.
//
// A 1000-node run touches some hundred MB of node state, queue and history,
// one event on any node after another: with 4 KB pages, page faults and TLB
// misses were about a tenth of its time (docs/simulator.md). mimalloc then
// asks the kernel for 2 MB pages (madvise) on the memory it takes from the
// OS. Addresses never reach a result, so digests do not change.
#pragma once

namespace dt {

// Call first thing in main; a no-op without mimalloc (glibc's malloc).
void prefer_huge_pages();

}  // namespace dt
