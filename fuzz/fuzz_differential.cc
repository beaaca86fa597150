// libFuzzer target: bytes -> schedule (bounded) -> model and impl in lockstep
// -> all checks. A promised violation or a divergence prints the report,
// writes the schedule to ./differential-failure.json and traps.
// DT_FUZZ_QUICK=1 in the environment runs the cheaper budget (kQuickFuzzBudget),
// DT_FUZZ_FAST=1 the cheapest (kFastFuzzBudget: sparse state checks).
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "nodes/sides.h"
#include "fuzz/failure_files.h"
#include "fuzz/fuzz_entry.h"
#include "histories/schedule_json.h"

// Each execution makes many small allocations; recording an allocation stack
// for each roughly halves the exec rate. ASAN_OPTIONS in the environment
// still overrides this (e.g. malloc_context_size=30 to chase a heap bug).
extern "C" const char* __asan_default_options() {
  return "malloc_context_size=0:quarantine_size_mb=16";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const dt::SideFactories factories = dt::factories_for(dt::Side::both);
  static const dt::FuzzBudget budget = dt::fuzz_budget_from_env();
  const auto failure =
      dt::differential_one({data, size}, factories.primary, factories.shadow, budget);
  if (!failure) return 0;
  std::fprintf(stderr, "%s", failure->description.c_str());
  const dt::Status written =
      dt::write_file("differential-failure.json", dt::write_schedule_json(failure->schedule));
  std::fprintf(stderr, "schedule: %s\n",
               written.is_ok() ? "differential-failure.json" : written.message().c_str());
  __builtin_trap();
}
