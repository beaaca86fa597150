#include "core/assert.h"

#include <cstdio>
#include <cstdlib>

namespace dt {

void assertion_failed(const char* condition, std::string_view message, const char* file,
                      int line) {
  std::fprintf(stderr, "dynamo-testbed: internal error: assertion `%s` failed at %s:%d: %.*s\n",
               condition, file, line, static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
  std::abort();
}

}  // namespace dt
