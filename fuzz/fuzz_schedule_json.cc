// libFuzzer target: the schedule json reader never crashes, and what it accepts
// survives a write-and-read round trip (fuzz/fuzz_entry.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!dt::schedule_json_one({data, size})) {
    std::fprintf(stderr,
                 "fuzz_schedule_json: a parsed input changed in a write-and-read round trip\n");
    __builtin_trap();
  }
  return 0;
}
