// Always-on invariant checks. A failed DT_ASSERT is a bug inside the testbed
// (never bad input: that is a Status), so it stops the run with context.
#pragma once

#include <string_view>

namespace dt {

[[noreturn]] void assertion_failed(const char* condition, std::string_view message,
                                   const char* file, int line);

}  // namespace dt

#define DT_ASSERT(condition, message)                                   \
  do {                                                                  \
    if (!(condition)) {                                                 \
      ::dt::assertion_failed(#condition, (message), __FILE__, __LINE__); \
    }                                                                   \
  } while (false)
