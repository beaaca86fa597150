#include "tests/histories/generators.h"

#include "histories/json_util.h"

namespace dt::testgen {

namespace {

void fill_invoke(HistoryOp& op, const Config& config, uint32_t keys, WriteId& next_write,
                 const std::vector<OpFn>& fns) {
  op.f = *rc::gen::elementOf(fns);
  op.key = *rc::gen::inRange<Key>(0, keys);
  if (is_write(op.f)) op.write_id = next_write++;
  if (op.f == OpFn::put || op.f == OpFn::add) op.value = static_cast<ElementValue>(op.write_id);
  if (*rc::gen::arbitrary<bool>()) op.coordinator = *rc::gen::inRange<NodeId>(0, config.nodes);
  if (*rc::gen::arbitrary<bool>()) op.context = gen_vclock();
}

void fill_completion(HistoryOp& op, const HistoryOp& invoke) {
  op.type = *rc::gen::element(OpType::ok, OpType::ok, OpType::fail, OpType::info);
  op.f = invoke.f;
  op.key = invoke.key;
  op.op_id = invoke.op_id;
  op.value = invoke.value;
  op.write_id = invoke.write_id;
  op.coordinator = invoke.coordinator;
  if (op.type == OpType::ok && op.f == OpFn::get) {
    op.read = gen_siblings(3);
    op.not_found = all_tombstones(op.read);
    for (const Version& v : op.read) op.context.merge(v.clock());
  } else if (op.f == OpFn::add) {
    op.read = gen_siblings(2);
  }
  if (op.type == OpType::fail || op.type == OpType::info) op.error = gen_word();
}

}  // namespace

History gen_history(const Config& config, uint32_t keys, const std::vector<OpFn>& fns) {
  History h;
  std::map<ProcessId, size_t> open;  // process -> index of its open invoke
  std::vector<ProcessId> idle;
  ProcessId next_process = 0;
  WriteId next_write = 1;
  TimeNs time_ns = *rc::gen::inRange<TimeNs>(0, 1000);
  const int steps = *rc::gen::inRange(0, 40);
  for (int step = 0; step < steps; ++step) {
    HistoryOp op;
    op.index = h.size();
    time_ns += *rc::gen::inRange<TimeNs>(0, 5 * kMillisecondNs);
    op.time_ns = time_ns;
    if (!open.empty() && *rc::gen::arbitrary<bool>()) {
      auto it = open.begin();
      std::advance(it, *rc::gen::inRange<size_t>(0, open.size()));
      op.process = it->first;
      fill_completion(op, h[it->second]);
      open.erase(it);
      if (op.type != OpType::info) idle.push_back(op.process);
    } else {
      if (!idle.empty() && *rc::gen::arbitrary<bool>()) {
        op.process = idle.back();
        idle.pop_back();
      } else {
        op.process = next_process++;
      }
      op.op_id = 1000 + h.size();
      fill_invoke(op, config, keys, next_write, fns);
      open[op.process] = h.size();
    }
    h.push_back(std::move(op));
  }
  return h;
}

namespace {

std::map<Key, Siblings> gen_store() {
  std::map<Key, Siblings> store;
  const int size = *rc::gen::inRange(0, 3);
  for (int i = 0; i < size; ++i) store[*rc::gen::inRange<Key>(0, 50)] = gen_siblings(2);
  return store;
}

NodeState gen_node_state(NodeId node, uint32_t nodes) {
  NodeState s;
  s.node = node;
  s.store = gen_store();
  if (*rc::gen::arbitrary<bool>()) s.hints[*rc::gen::inRange<NodeId>(0, nodes)] = gen_store();
  for (NodeId n = 0; n < nodes; ++n) {
    if (n != node && *rc::gen::inRange(0, 4) == 0) s.suspected.push_back(n);
  }
  if (*rc::gen::arbitrary<bool>()) {
    PendingRequestState p;
    p.request_id = *rc::gen::inRange<RequestId>(1, 100);
    p.op_id = *rc::gen::inRange<uint64_t>(0, 100);
    p.key = *rc::gen::inRange<Key>(0, 10);
    p.targets = s.suspected;
    s.pending.push_back(p);
  }
  for (uint32_t part = 0; part < 3; ++part)
    s.merkle_roots[part * 2] = *rc::gen::arbitrary<uint64_t>();
  return s;
}

}  // namespace

ReplicaTrace gen_trace() {
  ReplicaTrace trace;
  const uint32_t nodes = *rc::gen::inRange<uint32_t>(1, 6);
  for (NodeId n = 0; n < nodes; ++n) trace.final_states.push_back(gen_node_state(n, nodes));
  const int size = *rc::gen::inRange(0, 30);
  TimeNs time_ns = 0;
  for (int i = 0; i < size; ++i) {
    TraceRecord r;
    time_ns += *rc::gen::inRange<TimeNs>(0, 1000);
    r.time_ns = time_ns;
    r.kind =
        static_cast<TraceKind>(*rc::gen::inRange(0, static_cast<int>(TraceKind::clock_skewed) + 1));
    if (*rc::gen::inRange(0, 5) > 0) r.node = *rc::gen::inRange<NodeId>(0, nodes);
    if (*rc::gen::arbitrary<bool>()) r.peer = *rc::gen::inRange<NodeId>(0, nodes);
    if (*rc::gen::arbitrary<bool>()) r.key = *rc::gen::arbitrary<Key>();
    if (*rc::gen::arbitrary<bool>()) r.op_id = *rc::gen::arbitrary<uint64_t>();
    if (*rc::gen::arbitrary<bool>()) r.write_id = *rc::gen::arbitrary<WriteId>();
    if (*rc::gen::arbitrary<bool>())
      r.dot = Dot{*rc::gen::arbitrary<ActorId>(), *rc::gen::arbitrary<uint64_t>()};
    if (*rc::gen::arbitrary<bool>()) r.partition = *rc::gen::arbitrary<uint32_t>();
    if (*rc::gen::arbitrary<bool>()) r.count = *rc::gen::arbitrary<uint64_t>();
    if (*rc::gen::arbitrary<bool>()) r.extra = *rc::gen::arbitrary<uint64_t>();
    r.tombstone = *rc::gen::arbitrary<bool>();
    if (*rc::gen::arbitrary<bool>()) r.detail = gen_word() + "|\"\\\n";
    trace.records.push_back(std::move(r));
  }
  trace.final_heal_ns = *rc::gen::arbitrary<TimeNs>();
  trace.quiescence_rounds_used = *rc::gen::arbitrary<uint32_t>();
  trace.quiesced = *rc::gen::arbitrary<bool>();
  trace.final_reads_ns = *rc::gen::arbitrary<TimeNs>();
  for (uint64_t& c : trace.coverage) c = *rc::gen::arbitrary<uint64_t>();
  return trace;
}

namespace {

ScheduleEvent gen_event(const Schedule& s, TimeNs at_ns) {
  ScheduleEvent e;
  e.at_ns = at_ns;
  e.kind = static_cast<EventKind>(*rc::gen::inRange(0, static_cast<int>(EventKind::add) + 1));
  const uint32_t nodes = s.config.nodes;
  auto node = [&] { return *rc::gen::inRange<NodeId>(0, nodes); };
  switch (e.kind) {
    case EventKind::partition:
      if (nodes < 2) {
        e.kind = EventKind::heal;
        return e;
      }
      e.groups = {{}, {}};
      for (NodeId n = 0; n < nodes; ++n)
        e.groups[n == 0 ? 0 : n == 1 ? 1 : *rc::gen::inRange(0, 2)].push_back(n);
      break;
    case EventKind::heal:
      break;
    case EventKind::link:
      if (nodes < 2) {
        e.kind = EventKind::heal;
        return e;
      }
      e.from = node();
      e.to = (e.from + *rc::gen::inRange<NodeId>(1, nodes)) % nodes;
      e.drop_ppm = *rc::gen::inRange<uint32_t>(0, 1'000'001);
      e.duplicate_ppm = *rc::gen::inRange<uint32_t>(0, 1'000'001);
      e.delay_min_ns = *rc::gen::inRange<TimeNs>(0, 1000);
      e.delay_max_ns = e.delay_min_ns + *rc::gen::inRange<TimeNs>(0, 1000);
      break;
    case EventKind::clock_skew:
      e.node = node();
      e.skew_ns = *rc::gen::inRange<int64_t>(-kSecondNs, kSecondNs);
      break;
    case EventKind::put:
    case EventKind::get:
    case EventKind::del:
    case EventKind::add:
      e.process = *rc::gen::inRange<ProcessId>(0, 10);
      e.key = *rc::gen::inRange<Key>(0, s.workload.keys);
      if ((e.kind == EventKind::put || e.kind == EventKind::add) && *rc::gen::arbitrary<bool>()) {
        e.value = *rc::gen::arbitrary<int64_t>();
      }
      if (*rc::gen::arbitrary<bool>()) e.coordinator = node();
      break;
    default:
      e.node = node();
      break;
  }
  return e;
}

}  // namespace

Schedule gen_schedule() {
  Schedule s;
  s.seed = *rc::gen::arbitrary<uint64_t>();
  s.config = gen_config();
  s.workload.clients = *rc::gen::inRange<uint32_t>(1, 65);
  s.workload.keys = *rc::gen::inRange<uint32_t>(1, 100);
  s.workload.ops = *rc::gen::inRange<uint32_t>(0, 1000);
  s.workload.final_reads = *rc::gen::arbitrary<bool>();
  const int size = *rc::gen::inRange(0, 20);
  TimeNs at_ns = 0;
  for (int i = 0; i < size; ++i) {
    at_ns += *rc::gen::inRange<TimeNs>(0, 100 * kMillisecondNs);
    if (at_ns > s.workload.duration_ns) break;
    s.events.push_back(gen_event(s, at_ns));
  }
  if (*rc::gen::arbitrary<bool>()) s.inject = {"lost_hint", "stale_read-2"};
  return s;
}

std::string first_json_block(const std::string& doc_path) {
  Result<std::string> doc = read_text_file(std::string(DT_SOURCE_DIR) + "/" + doc_path);
  if (!doc) return doc.error();
  const std::string& text = doc.value();
  const size_t start = text.find("```json\n");
  if (start == std::string::npos) return "no json block";
  const size_t end = text.find("```", start + 8);
  return text.substr(start + 8, end - start - 8);
}

}  // namespace dt::testgen
