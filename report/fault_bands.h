// The schedule's faults as intervals the node lanes draw: node bands (down,
// wiped, paused), partitions with their groups, lossy or slow links, clock
// skews. Every fault ends at the final heal at the latest (all nodes up,
// network healed).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/schedule.h"
#include "histories/json_util.h"

namespace dt {

struct NodeBand {
  NodeId node = kNoNode;
  std::string kind;  // "down" (crash), "wiped" (disk lost, down), "paused"
  TimeNs start_ns = 0, end_ns = 0;
};

struct PartitionSpan {
  std::vector<std::vector<NodeId>> groups;
  TimeNs start_ns = 0, end_ns = 0;
};

struct LinkSpan {
  NodeId from = kNoNode, to = kNoNode;
  uint32_t drop_ppm = 0, duplicate_ppm = 0;
  TimeNs delay_min_ns = 0, delay_max_ns = 0;
  TimeNs start_ns = 0, end_ns = 0;
};

struct ClockSkewMark {
  NodeId node = kNoNode;
  TimeNs at_ns = 0;
  int64_t skew_ns = 0;
};

struct FaultPicture {
  std::vector<NodeBand> bands;          // by start time
  std::vector<PartitionSpan> partitions;
  std::vector<LinkSpan> links;
  std::vector<ClockSkewMark> skews;
};

// REQUIRES: a validated schedule; heal_ns >= every event time.
FaultPicture fault_picture(const Schedule& schedule, TimeNs heal_ns);

Json to_json(const FaultPicture& picture);

}  // namespace dt
