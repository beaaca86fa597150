// RapidCheck generators of valid schedules, histories and replica traces for
// the round-trip and export property tests of histories/.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/run_record.h"
#include "core/schedule.h"

namespace dt::testgen {

inline Config gen_config() {
  Config c;
  c.nodes = *rc::gen::inRange<uint32_t>(1, 9);
  c.replicas_n = *rc::gen::inRange<uint32_t>(1, c.nodes + 1);
  c.read_quorum_r = *rc::gen::inRange<uint32_t>(1, c.replicas_n + 1);
  c.write_quorum_w = *rc::gen::inRange<uint32_t>(1, c.replicas_n + 1);
  c.partitions_q = *rc::gen::inRange<uint32_t>(c.nodes, 64);  // every node owns one
  c.quorum_mode = *rc::gen::element(QuorumMode::sloppy, QuorumMode::strict);
  c.hint_store = *rc::gen::element(HintStoreMode::durable, HintStoreMode::volatile_);
  c.versioning = *rc::gen::element(Versioning::vclock, Versioning::lww);
  c.replica_timeout_ns = *rc::gen::inRange<TimeNs>(1, 100 * kMillisecondNs);
  c.network_delay_distribution = *rc::gen::element(
      DelayDistribution::uniform, DelayDistribution::exponential, DelayDistribution::pareto);
  if (c.network_delay_distribution != DelayDistribution::uniform) {
    c.network_delay_mean_ns = *rc::gen::inRange<TimeNs>(1, 10 * kMillisecondNs);
  }
  if (c.network_delay_distribution == DelayDistribution::pareto) {
    c.network_delay_pareto_shape_milli = *rc::gen::inRange<uint32_t>(1001, 5000);
  }
  c.probe_scope = *rc::gen::element(ProbeScope::all, ProbeScope::neighbors);
  return c;
}

inline VClock gen_vclock() {
  std::vector<VClock::Entry> entries;
  const int size = *rc::gen::inRange(0, 4);
  NodeId node = 0;
  for (int i = 0; i < size; ++i) {
    node += *rc::gen::inRange<NodeId>(i == 0 ? 0 : 1, 3000);
    entries.emplace_back(node, *rc::gen::inRange<uint64_t>(1, 1'000'000'000'000));
  }
  return VClock(std::move(entries));
}

inline Version gen_version(Dot dot) {
  Version v;
  v.dot = dot;
  v.context = gen_vclock();
  v.tombstone = *rc::gen::inRange(0, 4) == 0;
  if (!v.tombstone) {
    const int size = *rc::gen::inRange(1, 4);
    ElementValue element = *rc::gen::inRange<ElementValue>(-5, 100);
    for (int i = 0; i < size; ++i) {
      v.value.push_back(element);
      element += *rc::gen::inRange<ElementValue>(1, 1'000'000'000);
    }
  }
  if (*rc::gen::arbitrary<bool>()) v.lww_timestamp_ns = *rc::gen::arbitrary<int64_t>();
  v.write_id = *rc::gen::inRange<WriteId>(0, 100000);
  return v;
}

inline Siblings gen_siblings(int max_size) {
  Siblings siblings;
  const int size = *rc::gen::inRange(0, max_size + 1);
  Dot dot{*rc::gen::inRange<ActorId>(0, 3000), *rc::gen::inRange<uint64_t>(1, 10)};
  for (int i = 0; i < size; ++i) {
    siblings.push_back(gen_version(dot));
    dot.counter += *rc::gen::inRange<uint64_t>(1, 10);
  }
  return siblings;
}

inline std::string gen_word() {
  return *rc::gen::container<std::string>(rc::gen::inRange('a', static_cast<char>('z' + 1)));
}

// A well-formed history: per process invoke then one completion, fresh
// process after info, dense indices, non-decreasing time. Put and add values
// are their write ids, so written values are unique per key.
History gen_history(const Config& config, uint32_t keys,
                    const std::vector<OpFn>& fns = {OpFn::put, OpFn::get, OpFn::del, OpFn::add});

ReplicaTrace gen_trace();

Schedule gen_schedule();

// The first ```json block of a doc under the source tree (so documented
// examples stay valid), or an error text when there is none.
std::string first_json_block(const std::string& doc_path);

}  // namespace dt::testgen
