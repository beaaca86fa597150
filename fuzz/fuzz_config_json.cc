// libFuzzer target: the config json reader never crashes, and what it accepts
// survives a write-and-read round trip (fuzz/fuzz_entry.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!dt::config_json_one({data, size})) {
    std::fprintf(stderr,
                 "fuzz_config_json: a parsed input changed in a write-and-read round trip\n");
    __builtin_trap();
  }
  return 0;
}
