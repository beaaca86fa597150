// The shared vocabulary: ids, keys, values and time.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace dt {

using NodeId = uint32_t;         // 0 .. config.nodes-1
using Key = uint64_t;            // client keys are small integers
using TimeNs = uint64_t;         // virtual nanoseconds since the run started
using RequestId = uint64_t;      // unique per coordinating node
using WriteId = uint64_t;        // unique per client write; 0 = none
using ProcessId = uint32_t;      // Jepsen-style client process
using ElementValue = int64_t;    // one element of a stored value

// A stored value: a sorted set of elements. A register put stores one element;
// a cart `add` stores the union of what it read plus its element.
using Value = std::vector<ElementValue>;

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
inline constexpr TimeNs kNever = std::numeric_limits<TimeNs>::max();

inline constexpr TimeNs kMicrosecondNs = 1'000;
inline constexpr TimeNs kMillisecondNs = 1'000'000;
inline constexpr TimeNs kSecondNs = 1'000'000'000;

}  // namespace dt
