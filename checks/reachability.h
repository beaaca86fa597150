// Who could reach whom, over time: the trace's fault records (crash, restart,
// wipe, pause, resume, partition, heal, link changes) replayed into segments of
// constant network state. In each segment two up nodes can talk when their
// *direct* link works both ways (same partition group, neither direction
// dropping 100%): nodes never relay, so a path through a third node does not
// count (connected components would be the wrong question).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/run_record.h"
#include "core/status.h"

namespace dt {

struct NetworkSegment {
  TimeNs start_ns = 0;
  TimeNs end_ns = kNever;       // exclusive; kNever for the last segment
  std::vector<bool> up;         // by node: not crashed, not wiped, not paused
  std::vector<bool> direct;     // [a * nodes + b]: a and b exchange messages directly, both ways
  bool link_faults = false;     // a lossy or slowed link (drop < 100% or extra delay) is active
};

class ReachabilityTimeline {
 public:
  // Errors name the trace record whose detail cannot be read.
  static Result<ReachabilityTimeline> build(const Config& config, const ReplicaTrace& trace);

  const std::vector<NetworkSegment>& segments() const { return segments_; }
  // [first, last) segment positions overlapping the closed interval [from_ns, to_ns].
  std::pair<size_t, size_t> overlapping(TimeNs from_ns, TimeNs to_ns) const;
  // True when `a` and `b` are both up and their direct link works both ways in
  // `segment` (a node always reaches itself while up).
  static bool connected(const NetworkSegment& segment, NodeId a, NodeId b);

 private:
  std::vector<NetworkSegment> segments_;
};

// Parses partition groups "0,1|2,3,4" into a group number per node (-1: in no group).
Result<std::vector<int>> parse_partition_groups(const std::string& detail, uint32_t nodes);

}  // namespace dt
