// The scenario schedule files, embedded at build time (scenarios/CMakeLists.txt)
// so the command runs them from anywhere.
#pragma once

#include <vector>

namespace dt {

struct EmbeddedSchedule {
  const char* name;  // file stem
  const char* json;
};

const std::vector<EmbeddedSchedule>& embedded_schedules();

}  // namespace dt
