#include "fuzz/schedule_decoder.h"

#include <algorithm>
#include <vector>

#include "core/assert.h"
#include "core/convergence_bound.h"
#include "core/prng.h"
#include "fuzz/byte_reader.h"

namespace dt {

namespace {

constexpr size_t kDrawBytes = 1024;

// The ranges a draw scale draws from (DrawScale in the header).
struct DrawRanges {
  uint32_t min_nodes, max_nodes, max_replicas;
  uint32_t partitions_q[2];  // each >= max_nodes
  uint32_t max_clients, max_keys, min_ops, max_ops;
  uint32_t max_fault_events;
};

constexpr DrawRanges kSmallRanges{3, 6, 4, {8, 16}, 4, 6, 5, 60, 10};
constexpr DrawRanges kLargeRanges{7, 40, 6, {64, 128}, 16, 64, 50, 600, 30};
static_assert(kLargeRanges.max_nodes < 64, "a partition mask is one 64-bit word");
// Past 64 nodes: node sets of several words in the impl, wider replica-timeout
// tags, and partitions drawn node by node (decode_fault).
constexpr DrawRanges kHugeRanges{65, 128, 6, {128, 256}, 16, 64, 50, 600, 30};
static_assert(kHugeRanges.min_nodes > 64, "huge draws start past one 64-bit word");
static_assert(kHugeRanges.max_nodes <= 128, "a partition draws its sides from two words");

const DrawRanges& ranges_of(DrawScale scale) {
  switch (scale) {
    case DrawScale::small:
      return kSmallRanges;
    case DrawScale::large:
      return kLargeRanges;
    case DrawScale::huge:
      return kHugeRanges;
  }
  DT_ASSERT(false, "unknown draw scale");
  return kSmallRanges;
}

Config decode_config(ByteReader& in, const DrawRanges& r) {
  Config c;
  c.nodes = static_cast<uint32_t>(in.in_range(r.min_nodes, r.max_nodes));
  c.replicas_n =
      static_cast<uint32_t>(in.in_range(2, std::min<uint32_t>(r.max_replicas, c.nodes)));
  c.read_quorum_r = static_cast<uint32_t>(in.in_range(1, c.replicas_n));
  c.write_quorum_w = static_cast<uint32_t>(in.in_range(1, c.replicas_n));
  c.quorum_mode = in.pick(10) < 7 ? QuorumMode::sloppy : QuorumMode::strict;
  c.hint_store = in.pick(3) < 2 ? HintStoreMode::durable : HintStoreMode::volatile_;
  c.versioning = in.pick(8) < 7 ? Versioning::vclock : Versioning::lww;
  // Q >= nodes (every node owns a partition); larger Q needs more
  // anti-entropy rounds to converge.
  c.partitions_q = r.partitions_q[in.pick(2)];
  // Mostly shallow trees (cheap); one config in eight gets a deep one so that
  // exchanges descend past level 8 (the merkle_deep_descent mark).
  const bool deep_tree = in.pick(8) == 0;
  c.merkle_depth = static_cast<uint32_t>(deep_tree ? in.in_range(9, 10) : in.in_range(1, 5));
  return c;
}

Workload decode_workload(ByteReader& in, const DrawRanges& r) {
  Workload w;
  w.clients = static_cast<uint32_t>(in.in_range(1, r.max_clients));
  w.keys = static_cast<uint32_t>(in.in_range(1, r.max_keys));
  w.ops = static_cast<uint32_t>(in.in_range(r.min_ops, r.max_ops));
  w.put_weight = static_cast<uint32_t>(in.in_range(1, 10));
  w.get_weight = static_cast<uint32_t>(in.in_range(1, 10));
  w.delete_weight = static_cast<uint32_t>(in.in_range(0, 3));
  w.add_weight = static_cast<uint32_t>(in.in_range(0, 5));
  w.think_min_ns = in.in_range(1, 5) * kMillisecondNs;
  w.think_max_ns = w.think_min_ns + in.in_range(0, 40) * kMillisecondNs;
  w.duration_ns = in.in_range(1, 3) * kSecondNs;
  return w;
}

// Large draws also vary the protocol's timings, since the checkers' timing
// rules (availability's target walk, the quiescence bound, detection time)
// must hold for any of them, not only for the defaults. Replica timeouts and
// probe timeouts outlast a round trip and anti-entropy rounds outlast an
// exchange; a probe timeout past the next probe round can still suspect
// reachable peers (core/suspicion_timing.h), and then neither availability
// nor convergence is promised: those runs check that the checkers say so.
void decode_timings(ByteReader& in, Config& c, Workload& w) {
  c.network_delay_min_ns = in.in_range(0, 3) * kMillisecondNs;
  c.network_delay_max_ns = c.network_delay_min_ns + in.in_range(1, 12) * kMillisecondNs;
  switch (in.pick(3)) {
    case 0:
      c.network_delay_distribution = DelayDistribution::uniform;
      break;
    case 1:
      c.network_delay_distribution = DelayDistribution::exponential;
      break;
    default:
      c.network_delay_distribution = DelayDistribution::pareto;
      c.network_delay_pareto_shape_milli = static_cast<uint32_t>(in.in_range(1100, 3000));
      break;
  }
  if (c.network_delay_distribution != DelayDistribution::uniform) {
    const TimeNs spread_ns = c.network_delay_max_ns - c.network_delay_min_ns;
    c.network_delay_mean_ns = std::max<TimeNs>(1, spread_ns * in.in_range(1, 8) / 10);
  }
  const TimeNs round_trip_ns = 2 * c.network_delay_max_ns;
  c.replica_timeout_ns = round_trip_ns + in.in_range(1, 80) * kMillisecondNs;
  c.request_deadline_ns = c.replica_timeout_ns * in.in_range(2, 6);
  // A client outwaits both phases of a delete or add.
  w.client_timeout_ns = c.request_deadline_ns * in.in_range(2, 4);
  c.probe_interval_ns = in.in_range(50, 300) * kMillisecondNs;
  c.probe_timeout_ns = round_trip_ns + in.in_range(1, 80) * kMillisecondNs;
  c.handoff_interval_ns = in.in_range(100, 500) * kMillisecondNs;
  const TimeNs exchange_ns = (TimeNs{c.merkle_depth} + 1) * round_trip_ns;
  c.anti_entropy_interval_ns = exchange_ns + in.in_range(1, 500) * kMillisecondNs;
}

SwarmProfile decode_swarm(ByteReader& in, const DrawRanges& r) {
  SwarmProfile s;
  const uint8_t mask = in.u8();
  s.crash = mask & 1;
  s.wipe = (mask & 2) && (mask & 64);  // rarer: wipes destroy data by design
  s.pause = mask & 4;
  s.partition = mask & 8;
  s.link = mask & 16;
  s.clock_skew = mask & 32;
  const bool any = s.crash || s.wipe || s.pause || s.partition || s.link || s.clock_skew;
  s.fault_events = any ? static_cast<uint32_t>(in.in_range(1, r.max_fault_events)) : 0;
  return s;
}

std::vector<EventKind> enabled_kinds(const SwarmProfile& s) {
  std::vector<EventKind> kinds;
  if (s.crash) kinds.push_back(EventKind::crash);
  if (s.wipe) kinds.push_back(EventKind::wipe);
  if (s.pause) kinds.push_back(EventKind::pause);
  if (s.partition) kinds.push_back(EventKind::partition);
  if (s.link) kinds.push_back(EventKind::link);
  if (s.clock_skew) kinds.push_back(EventKind::clock_skew);
  return kinds;
}

// The seed's "hint holder crashes" story: while `first` keeps a node down,
// another node (likely holding hints for it) crashes too, and usually restarts.
void decode_holder_crash(ByteReader& in, const ScheduleEvent& first, const Config& c,
                         TimeNs duration_ns, std::vector<ScheduleEvent>& events) {
  DT_ASSERT(first.kind == EventKind::crash && first.node < c.nodes, "follows a crash");
  DT_ASSERT(c.nodes >= 2, "another node exists");
  ScheduleEvent holder;
  holder.kind = EventKind::crash;
  holder.node = static_cast<NodeId>((first.node + 1 + in.pick(c.nodes - 1)) % c.nodes);
  holder.at_ns = first.at_ns + in.in_range(50, 600) * kMillisecondNs;
  if (holder.at_ns >= duration_ns) return;
  events.push_back(holder);
  ScheduleEvent restart = holder;
  restart.kind = EventKind::restart;
  restart.at_ns = holder.at_ns + in.in_range(1, 1000) * kMillisecondNs;
  if (in.pick(4) != 0 && restart.at_ns < duration_ns) events.push_back(restart);
}

// A fault and, for crash/wipe/pause/partition, usually the event that ends it.
void decode_fault(ByteReader& in, EventKind kind, const Config& c, TimeNs duration_ns,
                  std::vector<ScheduleEvent>& events) {
  ScheduleEvent e;
  e.kind = kind;
  e.at_ns = in.in_range(0, duration_ns - 1);
  const TimeNs end_ns = std::min(duration_ns, e.at_ns + in.in_range(1, 1500) * kMillisecondNs);
  ScheduleEvent end = e;
  end.at_ns = end_ns;
  bool has_end = in.pick(4) != 0;
  switch (kind) {
    case EventKind::crash:
    case EventKind::wipe:
      e.node = static_cast<NodeId>(in.pick(c.nodes));
      end.node = e.node;
      end.kind = EventKind::restart;
      break;
    case EventKind::pause:
      e.node = static_cast<NodeId>(in.pick(c.nodes));
      end.node = e.node;
      end.kind = EventKind::resume;
      break;
    case EventKind::partition: {
      // Two groups: a random non-empty proper subset and the rest.
      e.groups.assign(2, {});
      if (c.nodes < 64) {
        const uint64_t mask = in.in_range(1, (uint64_t{1} << c.nodes) - 2);
        for (NodeId n = 0; n < c.nodes; ++n) e.groups[(mask >> n) & 1].push_back(n);
      } else {
        // One bit per node from two words; a one-sided draw moves one node
        // (drawn too) to the other side.
        const uint64_t words[2] = {in.u64(), in.u64()};
        const auto moved = static_cast<NodeId>(in.pick(c.nodes));
        std::vector<uint8_t> side(c.nodes);
        for (NodeId n = 0; n < c.nodes; ++n) side[n] = (words[n / 64] >> (n % 64)) & 1;
        if (std::count(side.begin(), side.end(), side[0]) == static_cast<long>(c.nodes)) {
          side[moved] ^= 1;
        }
        for (NodeId n = 0; n < c.nodes; ++n) e.groups[side[n]].push_back(n);
      }
      DT_ASSERT(!e.groups[0].empty() && !e.groups[1].empty(), "a one-sided partition");
      end = ScheduleEvent{};
      end.at_ns = end_ns;
      end.kind = EventKind::heal;
      break;
    }
    case EventKind::link:
      e.from = static_cast<NodeId>(in.pick(c.nodes));
      e.to = static_cast<NodeId>((e.from + 1 + in.pick(c.nodes - 1)) % c.nodes);
      e.drop_ppm = static_cast<uint32_t>(in.pick(3) == 0 ? 1'000'000 : in.in_range(0, 500) * 1000);
      e.duplicate_ppm = static_cast<uint32_t>(in.in_range(0, 200) * 1000);
      e.delay_min_ns = in.in_range(0, 20) * kMillisecondNs;
      e.delay_max_ns = e.delay_min_ns + in.in_range(0, 80) * kMillisecondNs;
      has_end = false;  // link faults last until the next heal
      break;
    case EventKind::clock_skew:
      e.node = static_cast<NodeId>(in.pick(c.nodes));
      e.skew_ns = static_cast<int64_t>(in.in_range(0, 1000)) * 1'000'000 - 500'000'000;
      has_end = false;
      break;
    default:
      DT_ASSERT(false, "decode_fault: not a fault kind");
  }
  events.push_back(e);
  if (has_end && end_ns < duration_ns) events.push_back(end);
  if (kind == EventKind::crash && in.pick(3) == 0) {
    decode_holder_crash(in, e, c, duration_ns, events);
  }
}

}  // namespace

std::string SwarmProfile::describe() const {
  std::string out;
  auto add = [&out](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += "+";
    out += name;
  };
  add(crash, "crash");
  add(wipe, "wipe");
  add(pause, "pause");
  add(partition, "partition");
  add(link, "link");
  add(clock_skew, "skew");
  if (out.empty()) out = "no-faults";
  return out + " faults=" + std::to_string(fault_events);
}

const char* to_string(DrawScale scale) {
  switch (scale) {
    case DrawScale::small:
      return "small";
    case DrawScale::large:
      return "large";
    case DrawScale::huge:
      return "huge";
  }
  DT_ASSERT(false, "unknown draw scale");
  return "";
}

std::optional<DrawScale> parse_draw_scale(std::string_view text) {
  if (text == "small") return DrawScale::small;
  if (text == "large") return DrawScale::large;
  if (text == "huge") return DrawScale::huge;
  return std::nullopt;
}

DecodedSchedule decode_schedule(std::span<const uint8_t> bytes, DrawScale scale) {
  const DrawRanges& ranges = ranges_of(scale);
  ByteReader in(bytes);
  DecodedSchedule out;
  Schedule& s = out.schedule;
  s.seed = in.u64();
  s.config = decode_config(in, ranges);
  s.workload = decode_workload(in, ranges);
  out.swarm = decode_swarm(in, ranges);
  const std::vector<EventKind> kinds = enabled_kinds(out.swarm);
  for (uint32_t i = 0; i < out.swarm.fault_events; ++i) {
    decode_fault(in, kinds[in.pick(kinds.size())], s.config, s.workload.duration_ns, s.events);
  }
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at_ns < b.at_ns; });
  // Read last, so every field above decodes from the same bytes as before the
  // field existed: one schedule in four probes only ring neighbours (an
  // exhausted input reads zeros: all).
  s.config.probe_scope = in.pick(4) == 3 ? ProbeScope::neighbors : ProbeScope::all;
  if (scale != DrawScale::small) decode_timings(in, s.config, s.workload);
  // Enough quiescence rounds for this config to converge (large rings need
  // more than the default; small draws never do, so they are unchanged).
  if (const ConvergenceBound bound = quiescence_rounds_needed(s.config); bound.rounds) {
    s.config.quiescence_rounds =
        static_cast<uint32_t>(std::max<uint64_t>(s.config.quiescence_rounds, *bound.rounds));
  }
  DT_ASSERT(s.config.validate().is_ok(), "decoder produced an invalid config");
  return out;
}

DecodedSchedule draw_schedule(uint64_t seed, DrawScale scale) {
  Prng prng(seed);
  std::vector<uint8_t> bytes(kDrawBytes);
  for (uint8_t& b : bytes) b = static_cast<uint8_t>(prng.next_u64() >> 56);
  DecodedSchedule out = decode_schedule(bytes, scale);
  out.schedule.seed = seed;
  return out;
}

}  // namespace dt
