// What the runner requires of a schedule: a valid config, node ids in range,
// events sorted and not after the safety phase (an event at exactly
// duration_ns runs just before the final heal), sane link faults and
// partitions, times small enough not to overflow. It is deliberately no
// stricter than core/schedule_validate.h (every schedule that passes that one
// passes this one), so callers may validate with either. Bad schedules come
// from outside, so this returns a Status naming the field; run_schedule
// asserts it passed.
#pragma once

#include <string>

#include "core/schedule.h"
#include "core/status.h"

namespace dt {

// "schedule.events[3].node: 7 is not a node (config.nodes = 5)".
Status check_runnable(const Schedule& schedule);

// One readable line for a schedule event: "crash node 3", "partition 0,1|2",
// "put key 2 value 7 by process 1 via node 0".
std::string describe(const ScheduleEvent& event);

}  // namespace dt
