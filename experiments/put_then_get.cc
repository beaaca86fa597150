#include "experiments/put_then_get.h"

#include <algorithm>

#include "core/assert.h"
#include "core/ring.h"
#include "core/schedule.h"
#include "nodes/sides.h"
#include "sim/simulator.h"

namespace dt {

namespace {

constexpr TimeNs kPutAtNs = 1 * kMillisecondNs;
// One client process does both ops, one after the other: the client driver
// gives slots to the processes the schedule names, and the get is not in it.
constexpr ProcessId kProcess = 0;

Schedule trial_schedule(const PutThenGet& trial, const TrialRoles& roles) {
  Schedule s;
  s.seed = trial.seed;
  s.config = trial.config;
  s.workload.clients = 1;
  s.workload.ops = 0;
  s.workload.keys = static_cast<uint32_t>(trial.key + 1);
  s.workload.final_reads = false;
  s.workload.duration_ns = 600 * kSecondNs;  // the trial stops long before
  for (NodeId replica : trial.unwritten) {
    ScheduleEvent cut;
    cut.kind = EventKind::link;
    cut.from = roles.writer;
    cut.to = replica;
    cut.drop_ppm = 1'000'000;
    s.events.push_back(cut);
  }
  ScheduleEvent put;
  put.at_ns = kPutAtNs;
  put.kind = EventKind::put;
  put.process = kProcess;
  put.key = trial.key;
  put.value = 1;
  put.coordinator = roles.writer;
  s.events.push_back(put);
  return s;
}

const HistoryOp* completion_of(const History& history, OpFn f) {
  for (const HistoryOp& op : history) {
    if (op.f == f && op.type != OpType::invoke) return &op;
  }
  return nullptr;
}

}  // namespace

TrialRoles trial_roles(const Config& config, Key key) {
  DT_ASSERT(config.nodes >= config.replicas_n + 2, "no room for two outside coordinators");
  TrialRoles roles;
  roles.replicas = home_replicas(config, partition_of(key, config.partitions_q));
  std::vector<NodeId> outside;
  for (NodeId n = 0; n < config.nodes && outside.size() < 2; ++n) {
    if (std::find(roles.replicas.begin(), roles.replicas.end(), n) == roles.replicas.end()) {
      outside.push_back(n);
    }
  }
  DT_ASSERT(outside.size() == 2, "two coordinators outside the home set");
  roles.writer = outside[0];
  roles.reader = outside[1];
  return roles;
}

PutThenGetOutcome run_put_then_get(const PutThenGet& trial) {
  const TrialRoles roles = trial_roles(trial.config, trial.key);
  const Schedule schedule = trial_schedule(trial, roles);
  RunOptions options;
  options.primary = factories_for(Side::impl).primary;
  options.record_trace = false;
  Simulator sim(schedule, options);
  PutThenGetOutcome out;
  sim.run_until(kPutAtNs);
  sim.run_until_clients_idle();
  const HistoryOp* put = completion_of(sim.clients().history(), OpFn::put);
  DT_ASSERT(put != nullptr, "the put did not complete");
  out.put_ok = put->type == OpType::ok;
  out.ack_ns = put->time_ns;
  if (!out.put_ok) return out;
  const WriteId written = put->write_id;
  sim.run_until(std::max(sim.now_ns(), out.ack_ns + trial.read_after_ack_ns));
  ScheduleEvent get;
  get.at_ns = sim.now_ns();
  get.kind = EventKind::get;
  get.process = kProcess;
  get.key = trial.key;
  get.coordinator = roles.reader;
  out.read_ns = sim.now_ns();
  sim.clients().on_scripted_op(sim.now_ns(), get);
  sim.run_until_clients_idle();
  const HistoryOp* read = completion_of(sim.clients().history(), OpFn::get);
  DT_ASSERT(read != nullptr, "the get did not complete");
  out.get_ok = read->type == OpType::ok;
  for (const Version& v : read->read) out.saw_write = out.saw_write || v.write_id == written;
  DT_ASSERT(out.get_ok || !out.saw_write, "a failed get saw a version");
  return out;
}

}  // namespace dt
