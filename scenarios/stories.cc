// The seed's stories and exercises, each with the outcome it must show.
#include <algorithm>

#include <fmt/format.h>

#include "scenarios/merkle_at_scale.h"
#include "scenarios/scenario.h"
#include "scenarios/trace_query.h"

namespace dt {

namespace {

constexpr Key kKey = 0;  // every story writes key 0 (see the schedule files)

// The write of the first put by process 0, as the history recorded it.
const HistoryOp* first_put(const ScenarioRun& r, ProcessId process = 0, size_t nth = 0) {
  return completion_of(r.run.history, process, OpFn::put, nth);
}

void expect_no_promised_violation(const ScenarioRun& r, Expectations& x) {
  x.expect(!r.report.any_promised_violation(), "no promised property is violated");
}

// Story 1: A down, the sloppy write lands on B, C and D with D holding a hint
// for A; A returns, D hands off and deletes the hint only after A stored it.
void check_sloppy_handoff(const ScenarioRun& r, Expectations& x) {
  const KeyRoles k = key_roles(r.schedule.config, kKey);
  const HistoryOp* put = first_put(r);
  x.expect(put != nullptr && put->type == OpType::ok, "the put with A down succeeds (W=3)");
  if (put == nullptr) return;
  const WriteId w = put->write_id;
  x.expect(!records_of(r.run.trace, TraceKind::stored, k.b, w).empty(), "B stores the write");
  x.expect(!records_of(r.run.trace, TraceKind::stored, k.c, w).empty(), "C stores the write");
  const auto hinted = records_of(r.run.trace, TraceKind::hinted, k.d, w);
  x.expect(!hinted.empty() && hinted[0].peer == k.a, "D keeps a hint naming A");
  const auto handed = first_time(r.run.trace, TraceKind::handed_off, k.a, w);
  const auto deleted = first_time(r.run.trace, TraceKind::hint_deleted, k.d, w);
  x.expect(handed.has_value(), "A stores the handed-off write");
  x.expect(deleted.has_value(), "D deletes the hint");
  x.expect(handed && deleted && *handed < *deleted, "D deletes the hint only after A stored it");
  const auto restarted = first_time(r.run.trace, TraceKind::restarted, k.a);
  x.expect(restarted && handed && *restarted < *handed, "the handoff follows A's return");
  x.expect(final_store_has(r.run.trace, k.a, kKey, w), "A finally holds the write");
  x.expect(r.run.trace.final_states[k.d].hints.empty(), "D holds no hint at the end");
  expect_no_promised_violation(r, x);
}

// Story 2 (exercise 2): D crashes before handing off. Volatile hints: the
// hinted copy dies, two copies remain, anti-entropy restores A's.
void check_holder_crash_volatile(const ScenarioRun& r, Expectations& x) {
  const KeyRoles k = key_roles(r.schedule.config, kKey);
  const HistoryOp* put = first_put(r);
  x.expect(put != nullptr && put->type == OpType::ok, "the put with A down succeeds");
  if (put == nullptr) return;
  const WriteId w = put->write_id;
  x.expect(!records_of(r.run.trace, TraceKind::lost_on_crash, k.d, w).empty(),
           "D's volatile hint for A is lost when D crashes");
  x.expect(records_of(r.run.trace, TraceKind::handed_off, k.a, w).empty(),
           "no handoff reaches A (the hint is gone)");
  const auto repaired = first_time(r.run.trace, TraceKind::anti_entropy_stored, k.a, w);
  x.expect(repaired.has_value(), "Merkle anti-entropy restores A's copy");
  // Between D's crash and the repair only B and C hold the write: two copies.
  const auto d_crash = first_time(r.run.trace, TraceKind::crashed, k.d);
  size_t copies_at_crash = 0;
  for (NodeId n : {k.a, k.b, k.c}) {
    const auto stored = first_time(r.run.trace, TraceKind::stored, n, w);
    copies_at_crash += stored && d_crash && *stored < *d_crash;
  }
  x.expect(copies_at_crash == 2, fmt::format("two copies remain after D's crash (saw {})",
                                             copies_at_crash));
  x.expect(final_store_has(r.run.trace, k.a, kKey, w), "A finally holds the write");
  expect_no_promised_violation(r, x);
}

// Story 2, durable hints: D keeps the hint across its crash and hands off
// after it restarts.
void check_holder_crash_durable(const ScenarioRun& r, Expectations& x) {
  const KeyRoles k = key_roles(r.schedule.config, kKey);
  const HistoryOp* put = first_put(r);
  x.expect(put != nullptr && put->type == OpType::ok, "the put with A down succeeds");
  if (put == nullptr) return;
  const WriteId w = put->write_id;
  x.expect(records_of(r.run.trace, TraceKind::lost_on_crash, k.d, w).empty(),
           "D's durable hint survives its crash");
  const auto d_back = first_time(r.run.trace, TraceKind::restarted, k.d);
  const auto handed = first_time(r.run.trace, TraceKind::handed_off, k.a, w);
  x.expect(d_back && handed && *handed > *d_back, "D hands off to A after D restarts");
  x.expect(final_store_has(r.run.trace, k.a, kKey, w), "A finally holds the write");
  expect_no_promised_violation(r, x);
}

// The coordinator's trace for a client op: when it finished and when each
// replica answered.
struct RequestTimes {
  std::optional<TimeNs> finished;
  std::vector<TimeNs> replies;
};

RequestTimes request_times(const ReplicaTrace& trace, uint64_t op_id) {
  RequestTimes t;
  for (const TraceRecord& rec : trace.records) {
    if (rec.op_id != op_id) continue;
    if (rec.kind == TraceKind::replica_replied) t.replies.push_back(rec.time_ns);
    if (rec.kind == TraceKind::request_finished && !t.finished) t.finished = rec.time_ns;
  }
  return t;
}

// Exercise 1: N=3, R=1, W=3. The read sees the write; the write waits for the
// slowest replica, the read answers with the fastest.
void check_r1_w3(const ScenarioRun& r, Expectations& x) {
  const HistoryOp* put = first_put(r);
  const HistoryOp* get = completion_of(r.run.history, 1, OpFn::get, 0);
  x.expect(put && put->type == OpType::ok, "the W=3 put succeeds");
  x.expect(get && get->type == OpType::ok, "the R=1 get succeeds");
  if (!put || !get || put->type != OpType::ok || get->type != OpType::ok) return;
  const bool fresh = std::any_of(get->read.begin(), get->read.end(),
                                 [&](const Version& v) { return v.write_id == put->write_id; });
  x.expect(fresh, "the read returns the acknowledged write (never stale)");
  const RequestTimes wt = request_times(r.run.trace, put->op_id);
  const RequestTimes rt = request_times(r.run.trace, get->op_id);
  x.expect(wt.replies.size() == 3 && wt.finished &&
               *wt.finished == *std::max_element(wt.replies.begin(), wt.replies.end()),
           "write latency = the slowest replica's ack");
  x.expect(!rt.replies.empty() && rt.finished &&
               *rt.finished == *std::min_element(rt.replies.begin(), rt.replies.end()),
           "read latency = the fastest replica's reply");
  const HistoryOp* put_invoke = invoke_of(r.run.history, *put);
  const HistoryOp* get_invoke = invoke_of(r.run.history, *get);
  x.expect(put_invoke && get_invoke &&
               put->time_ns - put_invoke->time_ns > get->time_ns - get_invoke->time_ns,
           "the write is slower than the read");
  expect_no_promised_violation(r, x);
}

// Exercise/story: strict W=3 with A down cannot succeed; sloppy can.
void check_strict_w3(const ScenarioRun& r, Expectations& x) {
  const HistoryOp* put = first_put(r);
  x.expect(put != nullptr && put->type != OpType::ok, "the strict W=3 put does not succeed");
  x.expect(put != nullptr && put->type == OpType::fail,
           "it fails outright: fewer than W home replicas are believed up, nothing is sent");
  if (put != nullptr) {
    x.expect(records_of(r.run.trace, TraceKind::stored, kNoNode, put->write_id).empty(),
             "no replica stored it");
  }
  expect_no_promised_violation(r, x);
}

void check_sloppy_w3(const ScenarioRun& r, Expectations& x) {
  const KeyRoles k = key_roles(r.schedule.config, kKey);
  const HistoryOp* put = first_put(r);
  x.expect(put != nullptr && put->type == OpType::ok, "the sloppy W=3 put succeeds");
  if (put == nullptr) return;
  x.expect(!records_of(r.run.trace, TraceKind::hinted, k.d, put->write_id).empty(),
           "D stands in for A with a hint");
  expect_no_promised_violation(r, x);
}

// Both sides of a partition accept a write to the same key; after the heal a
// read returns both siblings; a put with that context resolves them.
void check_partition_siblings(const ScenarioRun& r, Expectations& x) {
  const HistoryOp* left = first_put(r, 0);
  const HistoryOp* right = first_put(r, 1);
  x.expect(left && left->type == OpType::ok, "the write on A's side succeeds");
  x.expect(right && right->type == OpType::ok, "the write on C's side succeeds");
  const HistoryOp* read = completion_of(r.run.history, 2, OpFn::get, 0);
  x.expect(read && read->type == OpType::ok && read->read.size() == 2,
           "after the heal a read returns two siblings");
  const HistoryOp* resolve = first_put(r, 2);
  x.expect(resolve && resolve->type == OpType::ok, "a put with the read's context succeeds");
  const HistoryOp* after = completion_of(r.run.history, 2, OpFn::get, 1);
  x.expect(after && after->type == OpType::ok && after->read.size() == 1 && resolve &&
               after->read[0].write_id == resolve->write_id,
           "the next read returns the one resolving version");
  expect_no_promised_violation(r, x);
}

// LWW with a skewed clock silently loses the later write; vclocks keep both.
void check_lww_loses(const ScenarioRun& r, Expectations& x) {
  const HistoryOp* first = first_put(r, 0);
  const HistoryOp* second = first_put(r, 1);
  x.expect(first && first->type == OpType::ok, "the first write is acknowledged");
  x.expect(second && second->type == OpType::ok,
           "the later write (skewed coordinator) is acknowledged too");
  if (!first || !second) return;
  const HistoryOp* final_read = nullptr;
  for (const HistoryOp& op : r.run.history) {
    if (op.f == OpFn::get && op.type == OpType::ok && op.time_ns >= r.run.trace.final_reads_ns) {
      final_read = &op;
    }
  }
  x.expect(final_read && final_read->read.size() == 1 &&
               final_read->read[0].write_id == first->write_id,
           "the final read returns only the earlier write: the later one is silently lost");
  x.expect(r.run.trace.coverage[static_cast<size_t>(CoverageMark::lww_overwrite)] > 0,
           "LWW overwrote a concurrent version");
  const PropertyVerdict& durability = r.report.verdict("durability");
  x.expect(!durability.violations.empty() && durability.promised_violation_count() == 0,
           "durability reports the loss as expected under LWW, not as a bug");
}

void check_vclock_keeps(const ScenarioRun& r, Expectations& x) {
  const HistoryOp* final_read = nullptr;
  for (const HistoryOp& op : r.run.history) {
    if (op.f == OpFn::get && op.type == OpType::ok && op.time_ns >= r.run.trace.final_reads_ns) {
      final_read = &op;
    }
  }
  x.expect(final_read && final_read->read.size() == 2,
           "with vector clocks the concurrent write survives as a sibling");
  expect_no_promised_violation(r, x);
}

// A stale replica is repaired by a read.
void check_read_repair(const ScenarioRun& r, Expectations& x) {
  const KeyRoles k = key_roles(r.schedule.config, kKey);
  const HistoryOp* put = first_put(r);
  const HistoryOp* get = completion_of(r.run.history, 1, OpFn::get, 0);
  x.expect(put && put->type == OpType::ok, "the put with C down succeeds (strict W=2)");
  x.expect(get && get->type == OpType::ok, "the R=3 read succeeds");
  if (!put || !get) return;
  x.expect(records_of(r.run.trace, TraceKind::stored, k.c, put->write_id).empty(),
           "C never stored the write itself");
  const auto repaired = first_time(r.run.trace, TraceKind::repaired, k.c, put->write_id);
  x.expect(repaired && *repaired >= get->time_ns - 50 * kMillisecondNs &&
               *repaired < r.run.trace.final_heal_ns,
           "the read repairs C");
  x.expect(final_store_has(r.run.trace, k.c, kKey, put->write_id), "C finally holds the write");
  expect_no_promised_violation(r, x);
}

// A key deleted while a home replica is down stays deleted after it returns.
void check_no_resurrection(const ScenarioRun& r, Expectations& x, TraceKind path) {
  const KeyRoles k = key_roles(r.schedule.config, kKey);
  const HistoryOp* del = completion_of(r.run.history, 0, OpFn::del, 0);
  x.expect(del && del->type == OpType::ok, "the delete with A down succeeds");
  if (!del) return;
  x.expect(!records_of(r.run.trace, path, k.a, del->write_id).empty(),
           fmt::format("the tombstone reaches A by {}", to_string(path)));
  bool all_not_found = true;
  size_t final_reads = 0;
  for (const HistoryOp& op : r.run.history) {
    if (op.f == OpFn::get && op.type == OpType::ok && op.time_ns >= r.run.trace.final_reads_ns) {
      ++final_reads;
      all_not_found &= op.not_found;
    }
  }
  x.expect(final_reads > 0 && all_not_found, "the final read answers not-found");
  for (NodeId n : {k.a, k.b, k.c}) {
    const Siblings* s = final_siblings(r.run.trace, n, kKey);
    x.expect(s && !s->empty() && all_tombstones(*s),
             fmt::format("home replica {} keeps only the tombstone (no resurrection)", n));
  }
  expect_no_promised_violation(r, x);
}

}  // namespace

const std::vector<Scenario>& all_scenarios() {
  static const std::vector<Scenario> kScenarios = {
      {"sloppy-handoff",
       "N=3 with A down: the write lands on B, C and D, D holding a hint for A; A returns, D "
       "hands off and deletes the hint after A's ack",
       check_sloppy_handoff},
      {"hint-holder-crash-volatile",
       "D crashes before handing off (volatile hints): two copies remain, anti-entropy "
       "restores A's",
       check_holder_crash_volatile},
      {"hint-holder-crash-durable",
       "D crashes before handing off (durable hints): D hands off after it restarts",
       check_holder_crash_durable},
      {"r1-w3-latency",
       "N=3 R=1 W=3: reads are never stale; writes wait for the slowest replica, reads for "
       "the fastest",
       check_r1_w3},
      {"strict-w3-a-down", "strict quorum, W=3, A down: the write does not succeed",
       check_strict_w3},
      {"sloppy-w3-a-down", "sloppy quorum, W=3, A down: the write succeeds via D",
       check_sloppy_w3},
      {"partition-siblings",
       "each side of a partition accepts a write; after the heal a read returns both "
       "siblings; a put with that context resolves them",
       check_partition_siblings},
      {"lww-skew-loses-write",
       "last-writer-wins with a skewed clock silently loses a concurrent write",
       check_lww_loses},
      {"vclock-skew-keeps-sibling",
       "the same writes under vector clocks survive as siblings", check_vclock_keeps},
      {"read-repair", "a stale replica is repaired by a read", check_read_repair},
      {"delete-no-resurrection-handoff",
       "a key deleted while A is down stays deleted after A returns (tombstone via handoff)",
       [](const ScenarioRun& r, Expectations& x) {
         check_no_resurrection(r, x, TraceKind::handed_off);
       }},
      {"delete-no-resurrection-anti-entropy",
       "a key deleted while A is down stays deleted after A returns (tombstone via "
       "anti-entropy after the hint holder lost it)",
       [](const ScenarioRun& r, Expectations& x) {
         check_no_resurrection(r, x, TraceKind::anti_entropy_stored);
       }},
  };
  return kScenarios;
}

}  // namespace dt
