#include "model/coordinator.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <utility>

#include "core/assert.h"
#include "core/state_fingerprint.h"
#include "model/records.h"
#include "model/store.h"

namespace dt {

namespace {


bool is_read(ClientOpKind kind) {
  return kind == ClientOpKind::get;
}

bool contains(const std::vector<NodeId>& nodes, NodeId node) {
  return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
}

Version new_version(NodeId self, const NodeClock& clock, const ClientRequest& request,
                    uint64_t& dot_counter) {
  Version v;
  v.dot = Dot{actor_id(self, clock.incarnation), ++dot_counter};
  v.context = request.context;
  v.tombstone = request.kind == ClientOpKind::del;
  if (!v.tombstone) v.value = request.value;
  v.lww_timestamp_ns = clock.local_clock_ns;
  v.write_id = request.write_id;
  DT_ASSERT(
      std::adjacent_find(v.value.begin(), v.value.end(), std::greater_equal<>()) == v.value.end(),
      "a put value that is not a sorted set");
  DT_ASSERT(!clock_covers(v.context, v.dot), "client context already covers a fresh dot");
  DT_ASSERT(dot_counter > 0, "dot counter did not advance");
  return v;
}

}  // namespace

Coordinator::Coordinator(NodeId self, const Config& config)
    : Coordinator(self, config, RingView(config)) {}

Coordinator::Coordinator(NodeId self, const Config& config, const RingView& ring)
    : self_(self),
      config_(config),
      ring_(ring),
      tag_stride_(replica_timeout_stride(config.nodes)) {
  DT_ASSERT(self < config.nodes, "coordinator outside the cluster");
  DT_ASSERT(tag_stride_ >= config.nodes, "timer tags cannot name every target");
}

uint32_t Coordinator::quorum(ClientOpKind kind) const {
  return is_read(kind) ? config_.read_quorum_r : config_.write_quorum_w;
}

// Sloppy: the first N unsuspected nodes of the extended list; each fallback
// stands in for the next home node not covered (preference-list order).
// Strict: the unsuspected home nodes.
std::vector<Coordinator::Target> Coordinator::initial_targets(
    Key key, const FailureDetector& detector) const {
  const std::vector<NodeId> homes = ring_.preference_list(key);
  const std::vector<NodeId> walk =
      config_.quorum_mode == QuorumMode::strict ? homes : ring_.extended_list(key);
  std::vector<NodeId> chosen;
  for (NodeId node : walk) {
    if (chosen.size() < config_.replicas_n && !detector.is_suspected(node)) {
      chosen.push_back(node);
    }
  }
  std::vector<NodeId> uncovered;
  for (NodeId home : homes) {
    if (!contains(chosen, home)) uncovered.push_back(home);
  }
  std::vector<Target> targets;
  size_t next_uncovered = 0;
  for (NodeId node : chosen) {
    if (contains(homes, node)) {
      targets.push_back(Target{node, kNoNode});
    } else {
      DT_ASSERT(next_uncovered < uncovered.size(), "more fallbacks than uncovered homes");
      targets.push_back(Target{node, uncovered[next_uncovered++]});
    }
  }
  DT_ASSERT(targets.size() <= config_.replicas_n, "more than N targets");
  return targets;
}

TraceRecord Coordinator::request_record(const PendingRequest& request, TraceKind kind,
                                        NodeId peer) const {
  TraceRecord record = make_record(self_, kind, peer);
  record.key = request.key;
  record.op_id = request.op_id;
  record.write_id = request.version.write_id;
  // A write's dot once it has one, so the checkers know the dot of a write
  // no replica ever stored (one a later context covered before it arrived).
  record.dot = request.version.dot;
  return record;
}

void Coordinator::start(const NodeClock& clock, const ClientRequest& request, RequestId request_id,
                        uint64_t& dot_counter, const FailureDetector& detector, Effects& out) {
  DT_ASSERT(!pending_.count(request_id), "request id reused");
  DT_ASSERT(request_id < UINT64_MAX / tag_stride_, "request id too large for timer tags");
  PendingRequest pending;
  pending.request_id = request_id;
  pending.op_id = request.op_id;
  pending.kind = request.kind;
  pending.key = request.key;
  pending.version.write_id = is_read(request.kind) ? 0 : request.write_id;
  TraceRecord started = request_record(pending, TraceKind::request_started, kNoNode);
  started.detail = to_string(request.kind);
  emit(out, std::move(started));

  const std::vector<Target> targets = initial_targets(request.key, detector);
  const uint32_t needed = quorum(request.kind);
  if (targets.size() < needed) {
    ClientReply reply{request.op_id,
                      ReplyStatus::fail,
                      {},
                      {},
                      fmt::format("{} of {} needed targets available", targets.size(), needed)};
    finish(pending, std::move(reply), out);
    return;
  }
  if (!is_read(request.kind)) {
    pending.version = new_version(self_, clock, request, dot_counter);
  }
  for (const Target& target : targets) ask(pending, target, out);
  arm(out, TimerKind::request_deadline, request_id, config_.request_deadline_ns);
  pending_.emplace(request_id, std::move(pending));
}

void Coordinator::ask(PendingRequest& request, Target target, Effects& out) const {
  for (const Target& asked : request.asked) {
    DT_ASSERT(asked.node != target.node, "a target asked twice");
  }
  if (is_read(request.kind)) {
    send(out, target.node, FetchRequest{request.request_id, request.key});
  } else {
    send(out, target.node,
         StoreRequest{request.request_id, request.key, request.version, target.stands_for});
  }
  const bool fallback = target.stands_for != kNoNode;
  TraceRecord chosen = request_record(request, TraceKind::target_chosen, target.node);
  chosen.count = fallback ? 1 : 0;
  emit(out, std::move(chosen));
  if (fallback) mark(out, CoverageMark::fallback_chosen);
  arm(out, TimerKind::replica_timeout, request.request_id * tag_stride_ + target.node,
      config_.replica_timeout_ns);
  request.asked.push_back(target);
}

// Reply to the client and record the end; the caller drops the request.
void Coordinator::finish(const PendingRequest& request, ClientReply reply, Effects& out) {
  DT_ASSERT(reply.op_id == request.op_id, "reply for another op");
  DT_ASSERT((reply.status == ReplyStatus::ok) == reply.reason.empty(),
            "a failed reply needs a reason, an ok one has none");
  TraceRecord finished = request_record(request, TraceKind::request_finished, kNoNode);
  finished.detail = to_string(reply.status);
  finished.count = request.answered.size();
  // The merged answer's hash lets the read repair duty tell stale responders.
  if (is_read(request.kind) && reply.status == ReplyStatus::ok) {
    finished.extra = hash_siblings(reply.siblings);
  }
  out.replies.push_back(std::move(reply));
  emit(out, std::move(finished));
}

void Coordinator::on_store_ack(NodeId from, const StoreAck& ack, Effects& out) {
  auto it = pending_.find(ack.request_id);
  if (it == pending_.end()) return;  // answered, timed out, or from before a crash
  PendingRequest& request = it->second;
  DT_ASSERT(!is_read(request.kind) && ack.key == request.key, "store ack for another request");
  const bool asked = std::any_of(request.asked.begin(), request.asked.end(),
                                 [&](const Target& t) { return t.node == from; });
  if (!asked || request.answered.count(from)) return;  // duplicate delivery
  request.answered[from] = {};
  emit(out, request_record(request, TraceKind::replica_replied, from));
  if (request.answered.size() < config_.write_quorum_w) return;
  finish(request, ClientReply{request.op_id, ReplyStatus::ok, {}, request.version.clock(), ""},
         out);
  pending_.erase(it);
}

void Coordinator::on_fetch_reply(NodeId from, const FetchReply& reply, Effects& out) {
  auto it = pending_.find(reply.request_id);
  if (it == pending_.end()) return;
  PendingRequest& request = it->second;
  DT_ASSERT(is_read(request.kind) && reply.key == request.key, "fetch reply for another request");
  const bool asked = std::any_of(request.asked.begin(), request.asked.end(),
                                 [&](const Target& t) { return t.node == from; });
  if (!asked || request.answered.count(from)) return;
  request.answered[from] = reply.siblings;
  TraceRecord replied = request_record(request, TraceKind::replica_replied, from);
  replied.extra = hash_siblings(reply.siblings);
  emit(out, std::move(replied));
  if (request.answered.size() < config_.read_quorum_r) return;
  complete_get(request, out);
  pending_.erase(it);
}

// R replies in: answer with their merge, then repair every home responder
// (ascending id) whose reply differs from the merge, recording each repair sent.
void Coordinator::complete_get(const PendingRequest& request, Effects& out) {
  Siblings merged;
  for (const auto& [responder, siblings] : request.answered) {
    merged = merge_siblings(merged, siblings, config_.versioning).merged;
  }
  DT_ASSERT(request.answered.size() == config_.read_quorum_r, "get completed off quorum");
  DT_ASSERT(merged.size() <= 1 || config_.versioning == Versioning::vclock,
            "LWW get answered with siblings");
  finish(request, ClientReply{request.op_id, ReplyStatus::ok, merged, context_of(merged), ""}, out);
  for (const auto& [responder, siblings] : request.answered) {
    if (siblings == merged || !ring_.is_home(responder, request.key)) continue;
    send(out, responder, RepairWrite{request.key, merged});
    TraceRecord repair = request_record(request, TraceKind::read_repair_sent, responder);
    repair.extra = hash_siblings(merged);
    emit(out, std::move(repair));
    mark(out, CoverageMark::read_repair);
  }
}

void Coordinator::on_replica_timeout(uint64_t tag, FailureDetector& detector, Effects& out) {
  const RequestId request_id = tag / tag_stride_;
  const auto target = static_cast<NodeId>(tag % tag_stride_);
  auto it = pending_.find(request_id);
  if (it == pending_.end()) return;
  PendingRequest& request = it->second;
  auto timed_out = std::find_if(request.asked.begin(), request.asked.end(),
                                [&](const Target& t) { return t.node == target; });
  DT_ASSERT(timed_out != request.asked.end(), "replica timeout for a target never asked");
  if (request.answered.count(target)) return;
  const NodeId stands_for =
      timed_out->stands_for != kNoNode ? timed_out->stands_for : timed_out->node;
  detector.suspect(target, out);
  if (config_.quorum_mode == QuorumMode::strict) return;
  for (NodeId candidate : ring_.fallback_order(request.key)) {
    const bool tried = std::any_of(request.asked.begin(), request.asked.end(),
                                   [&](const Target& t) { return t.node == candidate; });
    if (tried || detector.is_suspected(candidate)) continue;
    DT_ASSERT(!ring_.is_home(candidate, request.key), "a fallback from the home replicas");
    ask(request, Target{candidate, stands_for}, out);
    return;
  }
}

void Coordinator::on_deadline(RequestId request_id, Effects& out) {
  auto it = pending_.find(request_id);
  if (it == pending_.end()) return;  // already answered
  const PendingRequest& request = it->second;
  DT_ASSERT(request.answered.size() < quorum(request.kind), "a request at quorum still pending");
  const bool read = is_read(request.kind);
  // A put may have been stored somewhere (timeout = outcome unknown); a get
  // short of R had no effect (fail).
  const std::string reason = fmt::format("deadline: {} of {} {}", request.answered.size(),
                                         quorum(request.kind), read ? "replies" : "acks");
  finish(
      request,
      ClientReply{request.op_id, read ? ReplyStatus::fail : ReplyStatus::timeout, {}, {}, reason},
      out);
  mark(out, CoverageMark::request_timeout);
  pending_.erase(it);
}

void Coordinator::fingerprint(Hasher& h) const {
  h.add_u64(pending_.size());
  for (const auto& [request_id, request] : pending_) {
    add_request(h, request_id, request.op_id, static_cast<uint64_t>(request.kind), request.key,
                request.version);
    h.add_u64(request.asked.size());
    for (const Target& t : request.asked) add_target(h, t.node, t.stands_for);
    h.add_u64(request.answered.size());
    for (const auto& [responder, siblings] : request.answered) add_answer(h, responder, siblings);
  }
}

void Coordinator::add_pending_to(NodeStateDigest& digest) const {
  digest.pending_count(pending_.size());
  for (const auto& [request_id, request] : pending_) {
    digest.pending_request(
        request_id, request.op_id, request.key,
        sorted_ids_digest(request.asked, [](const Target& t) { return t.node; }),
        sorted_ids_digest(request.answered, [](const auto& answer) { return answer.first; }));
  }
}

std::vector<PendingRequestState> Coordinator::pending_states() const {
  std::vector<PendingRequestState> states;
  for (const auto& [request_id, request] : pending_) {
    PendingRequestState state{request_id, request.op_id, request.key, {}, {}};
    for (const Target& t : request.asked) state.targets.push_back(t.node);
    std::sort(state.targets.begin(), state.targets.end());
    for (const auto& [responder, siblings] : request.answered) state.answered.push_back(responder);
    states.push_back(std::move(state));
  }
  DT_ASSERT(states.size() == pending_.size(), "pending view lost a request");
  return states;
}

}  // namespace dt
