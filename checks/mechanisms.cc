#include "checks/mechanisms.h"

#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "checks/periodic_duties.h"
#include "core/assert.h"
#include "core/node.h"

namespace dt {

namespace {

struct Reply {
  NodeId responder = kNoNode;
  uint64_t hash = 0;  // hash_siblings of what it replied
};

// One get as its coordinator recorded it: the replies counted toward R.
struct GetRecord {
  NodeId coordinator = kNoNode;
  uint64_t op_id = 0;
  Key key = 0;
  TimeNs finished_ns = 0;
  uint64_t merged_hash = 0;  // hash_siblings of the ok answer
  std::vector<Reply> replies;
};

using RequestKey = std::pair<NodeId, uint64_t>;  // (coordinator, op id)

struct ReadRepairRecords {
  std::vector<GetRecord> finished_ok;             // trace order
  std::map<RequestKey, std::vector<Reply>> sent;  // repairs each get sent
};

// A crash or wipe drops the coordinator's pending gets without a record.
void drop_open(std::map<RequestKey, GetRecord>& open, NodeId node) {
  open.erase(open.lower_bound({node, 0}), open.upper_bound({node, UINT64_MAX}));
}

ReadRepairRecords collect_gets(const std::vector<TraceRecord>& records) {
  ReadRepairRecords out;
  std::map<RequestKey, GetRecord> open;
  const std::string get_detail = to_string(ClientOpKind::get);
  const std::string ok_detail = to_string(ReplyStatus::ok);
  for (const TraceRecord& r : records) {
    const RequestKey id{r.node, r.op_id};
    if (r.kind == TraceKind::request_started) {
      if (r.detail == get_detail) open[id] = GetRecord{r.node, r.op_id, r.key, 0, 0, {}};
    } else if (r.kind == TraceKind::replica_replied) {
      const auto it = open.find(id);
      if (it != open.end()) it->second.replies.push_back({r.peer, r.extra});
    } else if (r.kind == TraceKind::request_finished) {
      const auto it = open.find(id);
      if (it == open.end()) continue;
      if (r.detail == ok_detail) {
        it->second.finished_ns = r.time_ns;
        it->second.merged_hash = r.extra;
        out.finished_ok.push_back(std::move(it->second));
      }
      open.erase(it);
    } else if (r.kind == TraceKind::read_repair_sent) {
      out.sent[id].push_back({r.peer, r.extra});
    } else if (r.kind == TraceKind::crashed || r.kind == TraceKind::wiped) {
      drop_open(open, r.node);
    }
  }
  return out;
}

std::vector<uint64_t> op_indices(const CheckContext& ctx, uint64_t op_id) {
  const std::optional<size_t> op = ctx.index.op_of_op_id(op_id);
  if (!op) return {};
  const IndexedOp& indexed = ctx.index.op(*op);
  std::vector<uint64_t> indices{indexed.invoke_index};
  if (indexed.completed()) indices.push_back(indexed.completion_index);
  return indices;
}

// Every home responder whose counted reply differs from the answer must be
// sent exactly the answer, in the same event that answered the client.
size_t check_get(const CheckContext& ctx, const GetRecord& get, const std::vector<Reply>& sent,
                 PropertyVerdict& verdict) {
  size_t stale = 0;
  for (const Reply& reply : get.replies) {
    if (reply.hash == get.merged_hash || !ctx.placement.is_home(get.key, reply.responder)) {
      continue;
    }
    ++stale;
    const Reply* repair = nullptr;
    for (const Reply& s : sent) {
      if (s.responder == reply.responder) repair = &s;
    }
    if (repair != nullptr && repair->hash == get.merged_hash) continue;
    const bool missing = repair == nullptr;
    verdict.violations.push_back(Violation{
        true,
        missing ? "read_repair_missing" : "read_repair_incomplete",
        op_indices(ctx, get.op_id),
        {get.key},
        {get.coordinator, reply.responder},
        {},
        {get.finished_ns},
        fmt::format("get op {} on key {} answered at {} ns by coordinator {} with siblings "
                    "hashed {:016x}; home replica {} had replied {:016x} (stale), so read "
                    "repair must send it the merged version, but the coordinator {}",
                    get.op_id, get.key, get.finished_ns, get.coordinator, get.merged_hash,
                    reply.responder, reply.hash,
                    missing ? "sent it no repair"
                            : fmt::format("sent a repair hashed {:016x}", repair->hash))});
  }
  return stale;
}

size_t check_read_repair(const CheckContext& ctx, PropertyVerdict& verdict) {
  const ReadRepairRecords gets = collect_gets(ctx.input.trace.records);
  static const std::vector<Reply> kNone;
  size_t stale = 0;
  for (const GetRecord& get : gets.finished_ok) {
    const auto it = gets.sent.find({get.coordinator, get.op_id});
    stale += check_get(ctx, get, it == gets.sent.end() ? kNone : it->second, verdict);
  }
  DT_ASSERT(verdict.violations.size() <= stale, "more read repair violations than stale replies");
  return stale;
}

}  // namespace

PropertyVerdict check_mechanisms(const CheckContext& ctx) {
  PropertyVerdict verdict;
  verdict.property = kMechanisms;
  verdict.checked = true;
  verdict.promised = true;
  const size_t stale = check_read_repair(ctx, verdict);
  const size_t duties = check_periodic_duties(ctx, verdict);
  verdict.summary = fmt::format(
      "{} stale home replies owed a read repair; {} periodic duty stretches (handoff, "
      "anti-entropy) judged",
      stale, duties);
  DT_ASSERT(verdict.property == kMechanisms && verdict.checked, "verdict not filled");
  return verdict;
}

PropertyVerdict check_mechanisms(const CheckInput& input) {
  Result<CheckContext> ctx = build_check_context(input);
  if (!ctx.is_ok()) return malformed_history_verdict(kMechanisms, ctx.error());
  return check_mechanisms(ctx.value());
}

}  // namespace dt
