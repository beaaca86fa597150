// Exercise 1 as a property: with strict quorums, N=3, R=1, W=3 and no disk
// wipes, no read is ever stale, whatever crashes, pauses, partitions and
// link faults the schedule holds.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <vector>

#include "checks/check_all.h"
#include "fuzz/schedule_decoder.h"
#include "model/model_node.h"
#include "sim/runner.h"

namespace dt {
namespace {

Schedule r1_w3_schedule(const std::vector<uint8_t>& bytes) {
  Schedule s = decode_schedule(bytes).schedule;
  s.config.nodes = std::max<uint32_t>(s.config.nodes, 3);
  s.config.replicas_n = 3;
  s.config.read_quorum_r = 1;
  s.config.write_quorum_w = 3;
  s.config.quorum_mode = QuorumMode::strict;
  s.config.versioning = Versioning::vclock;
  std::erase_if(s.events, [](const ScheduleEvent& e) { return e.kind == EventKind::wipe; });
  s.workload.ops = std::min<uint32_t>(s.workload.ops, 30);
  return s;
}

RC_GTEST_PROP(R1W3, NoReadIsEverStale, (const std::vector<uint8_t>& bytes)) {
  const Schedule s = r1_w3_schedule(bytes);
  RunOptions options;
  options.primary = &make_model_node;
  const RunResult run = run_schedule(s, options);
  const CheckReport report = check_all(CheckInput{s.config, run.history, run.trace});
  const PropertyVerdict& overlap = report.verdict("quorum_overlap");
  RC_ASSERT(overlap.promised);
  for (const Violation& v : overlap.violations) RC_LOG() << v.explanation << "\n";
  RC_ASSERT(overlap.violations.empty());
}

}  // namespace
}  // namespace dt
