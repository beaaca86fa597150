#include "checks/reachability.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

namespace {

constexpr uint64_t kCutPpm = 1'000'000;

// The network as the fault records left it at some moment.
struct NetworkState {
  std::vector<bool> crashed;
  std::vector<bool> paused;
  std::vector<int> group;                  // -1 = no partition in force
  std::vector<std::vector<uint64_t>> drop_ppm;  // [from][to]
  std::vector<std::vector<bool>> slowed;        // [from][to]: delay above the config's
};

NetworkState initial_state(uint32_t nodes) {
  return NetworkState{std::vector<bool>(nodes, false), std::vector<bool>(nodes, false),
                      std::vector<int>(nodes, 0),
                      std::vector<std::vector<uint64_t>>(nodes, std::vector<uint64_t>(nodes, 0)),
                      std::vector<std::vector<bool>>(nodes, std::vector<bool>(nodes, false))};
}

bool parse_delay_above(const std::string& detail, TimeNs max_ns) {
  // detail = "delay=MIN..MAX"
  const size_t dots = detail.find("..");
  if (dots == std::string::npos) return false;
  TimeNs delay_max = 0;
  const char* begin = detail.data() + dots + 2;
  const auto [end, error] = std::from_chars(begin, detail.data() + detail.size(), delay_max);
  return error == std::errc() && delay_max > max_ns;
}

Status apply_to_network(const Config& config, const TraceRecord& r, size_t position,
                        NetworkState& state) {
  const uint32_t nodes = config.nodes;
  const bool node_ok = r.node < nodes;
  switch (r.kind) {
    case TraceKind::crashed:
    case TraceKind::wiped:
      if (node_ok) state.crashed[r.node] = true;
      break;
    case TraceKind::restarted:
      if (node_ok) state.crashed[r.node] = false;
      break;
    case TraceKind::paused:
      if (node_ok) state.paused[r.node] = true;
      break;
    case TraceKind::resumed:
      if (node_ok) state.paused[r.node] = false;
      break;
    case TraceKind::partitioned: {
      Result<std::vector<int>> groups = parse_partition_groups(r.detail, nodes);
      if (!groups.is_ok()) {
        return Status::error(
            fmt::format("trace.records[{}].detail: {}", position, groups.error()));
      }
      state.group = groups.value();
      break;
    }
    case TraceKind::healed: {
      const NetworkState fresh = initial_state(nodes);
      state.group = fresh.group;
      state.drop_ppm = fresh.drop_ppm;
      state.slowed = fresh.slowed;
      break;
    }
    case TraceKind::link_changed:
      if (!node_ok || r.peer >= nodes) {
        return Status::error(fmt::format("trace.records[{}]: link {} -> {} names no node",
                                         position, r.node, r.peer));
      }
      state.drop_ppm[r.node][r.peer] = r.count;
      state.slowed[r.node][r.peer] = parse_delay_above(r.detail, config.network_delay_max_ns);
      break;
    default:
      break;
  }
  return Status::ok();
}

bool is_network_fault(TraceKind kind) {
  switch (kind) {
    case TraceKind::crashed: case TraceKind::wiped: case TraceKind::restarted:
    case TraceKind::paused: case TraceKind::resumed: case TraceKind::partitioned:
    case TraceKind::healed: case TraceKind::link_changed:
      return true;
    default:
      return false;
  }
}

NetworkSegment segment_of(const NetworkState& state, TimeNs start_ns) {
  const size_t nodes = state.crashed.size();
  NetworkSegment segment;
  segment.start_ns = start_ns;
  // Appended, not indexed: a vector<bool> rounds its storage up, so a write past
  // the last node would go unseen; an extra flag fails the size assertion below.
  segment.up.reserve(nodes);
  for (size_t n = 0; n < nodes; ++n) segment.up.push_back(!state.crashed[n] && !state.paused[n]);
  segment.direct.assign(nodes * nodes, false);
  for (size_t a = 0; a < nodes; ++a) {
    segment.direct[a * nodes + a] = true;
    for (size_t b = a + 1; b < nodes; ++b) {
      segment.link_faults |= (state.drop_ppm[a][b] > 0 && state.drop_ppm[a][b] < kCutPpm) ||
                             (state.drop_ppm[b][a] > 0 && state.drop_ppm[b][a] < kCutPpm) ||
                             state.slowed[a][b] || state.slowed[b][a];
      if (state.group[a] != state.group[b] || state.group[a] < 0) continue;
      // A request goes one way and its reply the other: both directions must work.
      if (state.drop_ppm[a][b] >= kCutPpm || state.drop_ppm[b][a] >= kCutPpm) continue;
      segment.direct[a * nodes + b] = true;
      segment.direct[b * nodes + a] = true;
    }
  }
  DT_ASSERT(segment.up.size() == nodes, "one up flag per node");
  DT_ASSERT(segment.direct.size() == nodes * nodes, "one link entry per ordered pair");
  return segment;
}

}  // namespace

Result<std::vector<int>> parse_partition_groups(const std::string& detail, uint32_t nodes) {
  std::vector<int> group(nodes, -1);
  int current = 0;
  size_t pos = 0;
  while (pos <= detail.size()) {
    const size_t end = detail.find_first_of(",|", pos);
    const std::string_view token(detail.data() + pos,
                                 (end == std::string::npos ? detail.size() : end) - pos);
    NodeId node = 0;
    const auto [ptr, error] = std::from_chars(token.data(), token.data() + token.size(), node);
    if (error != std::errc() || ptr != token.data() + token.size() || node >= nodes) {
      return Status::error(fmt::format("partition groups \"{}\": \"{}\" is not a node id below {}",
                                       detail, token, nodes));
    }
    if (group[node] != -1) {
      return Status::error(fmt::format("partition groups \"{}\": node {} is in two groups",
                                       detail, node));
    }
    group[node] = current;
    if (end == std::string::npos) break;
    if (detail[end] == '|') ++current;
    pos = end + 1;
  }
  return group;
}

Result<ReachabilityTimeline> ReachabilityTimeline::build(const Config& config,
                                                          const ReplicaTrace& trace) {
  ReachabilityTimeline timeline;
  NetworkState state = initial_state(config.nodes);
  timeline.segments_.push_back(segment_of(state, 0));
  const std::vector<TraceRecord>& records = trace.records;
  std::vector<size_t> faults;
  for (size_t i = 0; i < records.size(); ++i) {
    if (is_network_fault(records[i].kind)) faults.push_back(i);
  }
  for (size_t f = 0; f < faults.size(); ++f) {
    const TraceRecord& record = records[faults[f]];
    Status status = apply_to_network(config, record, faults[f], state);
    if (!status.is_ok()) return status;
    // Faults stamped with the same time take effect together.
    const bool more_now =
        f + 1 < faults.size() && records[faults[f + 1]].time_ns == record.time_ns;
    if (more_now) continue;
    NetworkSegment& last = timeline.segments_.back();
    if (last.start_ns == record.time_ns) {
      last = segment_of(state, record.time_ns);
    } else {
      last.end_ns = record.time_ns;
      timeline.segments_.push_back(segment_of(state, record.time_ns));
    }
  }
  DT_ASSERT(!timeline.segments_.empty(), "a timeline has at least one segment");
  DT_ASSERT(timeline.segments_.back().end_ns == kNever, "the last segment is open-ended");
  return timeline;
}

std::pair<size_t, size_t> ReachabilityTimeline::overlapping(TimeNs from_ns, TimeNs to_ns) const {
  DT_ASSERT(from_ns <= to_ns, "interval ends before it starts");
  // First segment whose end is past from_ns; segments are sorted and contiguous.
  const auto first = std::upper_bound(
      segments_.begin(), segments_.end(), from_ns,
      [](TimeNs t, const NetworkSegment& s) { return t < s.end_ns; });
  const auto last = std::upper_bound(
      segments_.begin(), segments_.end(), to_ns,
      [](TimeNs t, const NetworkSegment& s) { return t < s.start_ns; });
  DT_ASSERT(first <= last, "overlap range inverted");
  return {static_cast<size_t>(first - segments_.begin()),
          static_cast<size_t>(last - segments_.begin())};
}

bool ReachabilityTimeline::connected(const NetworkSegment& segment, NodeId a, NodeId b) {
  DT_ASSERT(a < segment.up.size() && b < segment.up.size(), "node out of range");
  const size_t nodes = segment.up.size();
  return segment.up[a] && segment.up[b] && segment.direct[size_t{a} * nodes + b];
}

}  // namespace dt
