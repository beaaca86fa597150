#include "checks/integrity.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "checks/integrity_lww.h"
#include "core/assert.h"
#include "core/client_ops.h"

namespace dt {

namespace {

// Where a version was seen: a reply (get or add) or a node's final state.
struct Sighting {
  const IndexedOp* reader = nullptr;  // null for a final state
  NodeId node = kNoNode;              // final state holder
  NodeId hint_for = kNoNode;          // final hint: the intended node
  Key key = 0;
  const Version* version = nullptr;
};

std::string where(const Sighting& s) {
  if (s.reader != nullptr) {
    return fmt::format("{} history[{}] returned", to_string(s.reader->f),
                       s.reader->completion_index);
  }
  if (s.hint_for != kNoNode) {
    return fmt::format("node {} ends holding, as a hint for node {},", s.node, s.hint_for);
  }
  return fmt::format("node {} ends holding in its main store", s.node);
}

// What the write's version must hold. `exact` is false for an add whose read
// phase is unknown (still open): then only its element is known to be in it.
struct ExpectedValue {
  bool tombstone = false;
  Value value;
  bool exact = true;
};

// The client's rule (core/client_ops.h): an add writes add_value of what it
// read; a delete writes a tombstone.
std::optional<ExpectedValue> expected_value(const CheckContext& ctx, const IndexedOp& write) {
  DT_ASSERT(is_write(write.f), "only writes produce values");
  if (write.f == OpFn::del) return ExpectedValue{true, {}, true};
  const std::optional<ElementValue>& element = ctx.index.invoke_of(write).value;
  if (!element) return std::nullopt;  // the history does not say what was written
  if (write.f == OpFn::put) return ExpectedValue{false, Value{*element}, true};
  if (!write.completed()) return ExpectedValue{false, Value{*element}, false};
  return ExpectedValue{false, add_value(ctx.index.completion_of(write).read, *element), true};
}

bool matches_expected(const ExpectedValue& expected, const Version& v) {
  if (v.tombstone != expected.tombstone) return false;
  if (expected.exact) return v.value == expected.value;
  DT_ASSERT(expected.value.size() == 1, "an inexact value names one element");
  return std::binary_search(v.value.begin(), v.value.end(), expected.value.front());
}

std::string value_text(const ExpectedValue& e) {
  if (e.tombstone) return "a tombstone with no value";
  return fmt::format("{}[{}]", e.exact ? "" : "a value containing ", fmt::join(e.value, ","));
}

Violation sighting_violation(const Sighting& s, const IndexedOp& write, const char* kind) {
  Violation v;
  v.promised = true;
  v.kind = kind;
  v.op_indices = {write.invoke_index};
  if (write.completed()) v.op_indices.push_back(write.completion_index);
  if (s.reader != nullptr) {
    v.op_indices.push_back(s.reader->invoke_index);
    v.op_indices.push_back(s.reader->completion_index);
    v.nodes = {s.reader->coordinator};
    v.times = {s.reader->completion_ns};
  } else {
    v.nodes = {s.node};
  }
  v.keys = {s.key};
  v.writes = {write.write_id};
  return v;
}

// First sighting of each bad write and how often it was seen (one violation per
// write and kind, however many replies and replicas carry it).
struct Finding {
  Sighting first;
  size_t count = 0;
};
using Findings = std::map<WriteId, Finding>;

void note(Findings& findings, const Sighting& s) {
  Finding& f = findings[s.version->write_id];
  if (f.count++ == 0) f.first = s;
}

struct SightingFindings {
  Findings corrupted;
  Findings aborted_read;
  Findings aborted_survived;
  size_t versions_checked = 0;
};

void judge(const CheckContext& ctx, const Sighting& s, SightingFindings& out) {
  ++out.versions_checked;
  const auto writer = ctx.index.op_of_write(s.version->write_id);
  // A version of no write on this key is causality's unknown_write.
  if (!writer || ctx.index.op(*writer).key != s.key) return;
  const IndexedOp& write = ctx.index.op(*writer);
  if (write.outcome == OpType::fail) {
    note(s.reader != nullptr ? out.aborted_read : out.aborted_survived, s);
    return;
  }
  const std::optional<ExpectedValue> expected = expected_value(ctx, write);
  if (expected && !matches_expected(*expected, *s.version)) note(out.corrupted, s);
}

void visit_sightings(const CheckContext& ctx, SightingFindings& out) {
  for (const IndexedOp& op : ctx.index.ops()) {
    // An add that failed in its write phase still read (a failed read phase read nothing).
    const bool reads = (op.f == OpFn::get && op.ok()) || (op.f == OpFn::add && op.completed());
    if (!reads) continue;
    for (const Version& v : ctx.index.completion_of(op).read) {
      judge(ctx, Sighting{&op, kNoNode, kNoNode, op.key, &v}, out);
    }
  }
  for (const NodeState& state : ctx.input.trace.final_states) {
    for (const auto& [key, siblings] : state.store) {
      for (const Version& v : siblings) {
        judge(ctx, Sighting{nullptr, state.node, kNoNode, key, &v}, out);
      }
    }
    for (const auto& [intended, hints] : state.hints) {
      for (const auto& [key, siblings] : hints) {
        for (const Version& v : siblings) {
          judge(ctx, Sighting{nullptr, state.node, intended, key, &v}, out);
        }
      }
    }
  }
}

void report_corrupted(const CheckContext& ctx, const Findings& findings,
                      PropertyVerdict& verdict) {
  for (const auto& [write_id, finding] : findings) {
    const IndexedOp& write = ctx.index.op(*ctx.index.op_of_write(write_id));
    const std::optional<ExpectedValue> expected = expected_value(ctx, write);
    DT_ASSERT(expected.has_value(), "a corrupted version of a write with no known value");
    Violation v = sighting_violation(finding.first, write, "value_corrupted");
    v.explanation = fmt::format(
        "{} {} of key {}, but {} history[{}] wrote {}{}; seen {} time(s) in replies and final "
        "states",
        where(finding.first), finding.first.version->to_string(), finding.first.key,
        to_string(write.f), write.invoke_index, value_text(*expected),
        write.f == OpFn::add ? " (the live siblings it read plus its element)" : "",
        finding.count);
    verdict.violations.push_back(std::move(v));
  }
}

void report_aborted(const CheckContext& ctx, const Findings& findings, const char* kind,
                    PropertyVerdict& verdict) {
  for (const auto& [write_id, finding] : findings) {
    const IndexedOp& write = ctx.index.op(*ctx.index.op_of_write(write_id));
    DT_ASSERT(write.outcome == OpType::fail, "an aborted write that did not fail");
    Violation v = sighting_violation(finding.first, write, kind);
    v.times.insert(v.times.begin(), write.completion_ns);
    v.explanation = fmt::format(
        "{} {} of key {}, but its {} history[{}] completed fail at {} ns, which promises "
        "nothing was stored (G1a, aborted read); seen {} time(s)",
        where(finding.first), finding.first.version->to_string(), finding.first.key,
        to_string(write.f), write.invoke_index, write.completion_ns, finding.count);
    verdict.violations.push_back(std::move(v));
  }
}

// A failed write is never stored, hinted or copied anywhere, even if later lost.
size_t check_failed_writes_never_stored(const CheckContext& ctx, PropertyVerdict& verdict) {
  std::set<WriteId> reported;
  size_t records = 0;
  for (const TraceRecord& r : ctx.input.trace.records) {
    if (!is_main_store_record(r.kind) && r.kind != TraceKind::hinted) continue;
    ++records;
    const auto writer = ctx.index.op_of_write(r.write_id);
    if (!writer || ctx.index.op(*writer).outcome != OpType::fail) continue;
    if (!reported.insert(r.write_id).second) continue;
    const IndexedOp& write = ctx.index.op(*writer);
    verdict.violations.push_back(Violation{
        true, "aborted_write_stored", {write.invoke_index, write.completion_index}, {r.key},
        {r.node}, {r.write_id}, {r.time_ns, write.completion_ns},
        fmt::format("node {} recorded {} of w{} (key {}) at {} ns, but its {} history[{}] "
                    "completed fail at {} ns, which promises nothing was stored",
                    r.node, to_string(r.kind), r.write_id, r.key, r.time_ns, to_string(write.f),
                    write.invoke_index, write.completion_ns)});
  }
  return records;
}

}  // namespace

PropertyVerdict check_integrity(const CheckContext& ctx) {
  PropertyVerdict verdict;
  verdict.property = kIntegrity;
  verdict.checked = true;
  verdict.promised = true;
  SightingFindings findings;
  visit_sightings(ctx, findings);
  report_corrupted(ctx, findings.corrupted, verdict);
  report_aborted(ctx, findings.aborted_read, "aborted_read", verdict);
  report_aborted(ctx, findings.aborted_survived, "aborted_write_survived", verdict);
  const size_t store_records = check_failed_writes_never_stored(ctx, verdict);
  verdict.summary = fmt::format("{} returned or final versions checked against their writes, "
                                "{} store records against failed writes",
                                findings.versions_checked, store_records);
  if (ctx.input.config.versioning == Versioning::lww) {
    const LwwIntegrityCounts lww = check_lww_integrity(ctx, verdict);
    verdict.summary += fmt::format(
        "; LWW: {} final stores and {} get replies judged by the merge rule ({} observed "
        "timestamps differ from the coordinator's clock)",
        lww.stores_checked, lww.replies_checked, lww.timestamp_disagreements);
  }
  DT_ASSERT(verdict.violations.size() == verdict.promised_violation_count(),
            "every integrity violation is promised");
  return verdict;
}

PropertyVerdict check_integrity(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kIntegrity, ctx.error());
  return check_integrity(ctx.value());
}

}  // namespace dt
