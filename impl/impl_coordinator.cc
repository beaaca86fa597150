#include "impl/impl_coordinator.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <span>

#include "core/assert.h"
#include "core/state_fingerprint.h"
#include "core/ring.h"
#include "impl/emit.h"

namespace dt {

namespace {

bool is_read(ClientOpKind kind) { return kind == ClientOpKind::get; }

// Bug zoo (get_unions_without_pruning): every replied version, deduplicated by
// dot only, so a version another one supersedes stays in the answer.
Siblings union_by_dot(const std::vector<std::pair<NodeId, Siblings>>& answered) {
  Siblings all;
  for (const auto& [responder, siblings] : answered) {
    for (const Version& v : siblings) {
      const bool seen =
          std::any_of(all.begin(), all.end(), [&](const Version& w) { return w.dot == v.dot; });
      if (!seen) all.push_back(v);
    }
  }
  std::sort(all.begin(), all.end(),
            [](const Version& a, const Version& b) { return a.dot < b.dot; });
  DT_ASSERT(all.size() >= (answered.empty() ? 0 : answered.front().second.size()),
            "the union lost a version");
  return all;
}

// Bug zoo (vclock_reset_after_wipe, `reuse_actor`): after a wipe the counter
// restarts at 0 under the node's first actor id, so new dots repeat old ones.
Version new_version(NodeId self, const NodeClock& clock, const ClientRequest& request,
                    uint64_t& dot_counter, bool reuse_actor) {
  Version v;
  v.dot = Dot{actor_id(self, reuse_actor ? 0 : clock.incarnation), ++dot_counter};
  v.context = request.context;
  v.tombstone = request.kind == ClientOpKind::del;
  if (!v.tombstone) v.value = request.value;
  v.lww_timestamp_ns = clock.local_clock_ns;
  v.write_id = request.write_id;
  DT_ASSERT(
      std::adjacent_find(v.value.begin(), v.value.end(), std::greater_equal<>()) == v.value.end(),
      "a put value that is not a sorted set");
  DT_ASSERT(reuse_actor || !clock_covers(v.context, v.dot),
            "client context already covers a fresh dot");
  return v;
}

}  // namespace

ImplCoordinator::ImplCoordinator(NodeId self, const Config& config, const Placement& placement,
                                 const ImplBugs& bugs)
    : self_(self),
      config_(config),
      placement_(&placement),
      bugs_(bugs),
      tag_stride_(replica_timeout_stride(config.nodes)) {
  DT_ASSERT(self < config.nodes, "coordinator outside the cluster");
  DT_ASSERT(tag_stride_ >= config.nodes, "timer tags cannot name every target");
}

uint32_t ImplCoordinator::quorum(ClientOpKind kind) const {
  return is_read(kind) ? config_.read_quorum_r : config_.write_quorum_w;
}

// The model's rule: the first N unsuspected nodes of the walk (extended list,
// or the homes when strict); fallbacks stand in for uncovered homes in order.
void ImplCoordinator::choose_targets(uint32_t partition, const PeerView& peers,
                                     std::vector<Target>& targets) const {
  const std::span<const NodeId> homes = placement_->homes(partition);
  auto taken = [&](NodeId node) {
    return std::any_of(targets.begin(), targets.end(),
                       [&](const Target& t) { return t.node == node; });
  };
  auto consider = [&](NodeId node) {
    if (!peers.is_suspected(node)) targets.push_back(Target{node, kNoNode});
  };
  if (config_.quorum_mode == QuorumMode::strict) {
    for (NodeId home : homes) consider(home);
  } else {
    RingCursor walk(*placement_, partition);
    for (NodeId node = walk.next(); node != kNoNode && targets.size() < config_.replicas_n;
         node = walk.next()) {
      consider(node);
    }
  }
  size_t next_home = 0;
  for (Target& target : targets) {
    if (placement_->is_home(target.node, partition)) continue;
    while (next_home < homes.size() && taken(homes[next_home])) ++next_home;
    DT_ASSERT(next_home < homes.size(), "more fallbacks than uncovered homes");
    target.stands_for = homes[next_home++];
  }
  DT_ASSERT(targets.size() <= config_.replicas_n, "more than N targets");
}

TraceRecord ImplCoordinator::request_record(const Pending& request, TraceKind kind,
                                            NodeId peer) const {
  TraceRecord record = impl_record(self_, kind, peer);
  record.key = request.key;
  record.op_id = request.op_id;
  record.write_id = request.version.write_id;
  // A write's dot once it has one, so the checkers know the dot of a write
  // no replica ever stored (one a later context covered before it arrived).
  record.dot = request.version.dot;
  return record;
}

void ImplCoordinator::start(const NodeClock& clock, const ClientRequest& request,
                            RequestId request_id, uint64_t& dot_counter, const PeerView& peers,
                            Effects& out) {
  DT_ASSERT(pending_.empty() || pending_.back().request_id < request_id, "request id reused");
  DT_ASSERT(request_id < UINT64_MAX / tag_stride_, "request id too large for timer tags");
  Pending pending;
  pending.request_id = request_id;
  pending.op_id = request.op_id;
  pending.kind = request.kind;
  pending.key = request.key;
  pending.partition = partition_of(request.key, config_.partitions_q);
  pending.version.write_id = is_read(request.kind) ? 0 : request.write_id;
  if (out.trace_wanted) {
    TraceRecord started = request_record(pending, TraceKind::request_started, kNoNode);
    started.detail = to_string(request.kind);
    out.trace.push_back(std::move(started));
  }

  std::vector<Target> targets;
  targets.reserve(config_.replicas_n);
  choose_targets(pending.partition, peers, targets);
  // Bug zoo (duplicate_preference_node): the write's list names its first
  // node twice, so the last distinct target is never asked.
  const bool duplicated =
      bugs_.duplicate_preference_node && !is_read(request.kind) && targets.size() >= 2;
  if (duplicated) targets.pop_back();
  const uint32_t needed = quorum(request.kind);
  if (targets.size() + (duplicated ? 1 : 0) < needed) {
    finish(pending,
           ClientReply{request.op_id, ReplyStatus::fail, {}, {},
                       fmt::format("{} of {} needed targets available", targets.size(), needed)},
           out);
    return;
  }
  if (!is_read(request.kind)) {
    pending.version =
        new_version(self_, clock, request, dot_counter, bugs_.vclock_reset_after_wipe);
  }
  pending.asked.reserve(config_.nodes);
  for (const Target& target : targets) ask(pending, target, out);
  impl_arm(out, TimerKind::request_deadline, request_id, config_.request_deadline_ns);
  pending_.push_back(std::move(pending));
}

void ImplCoordinator::ask(Pending& request, Target target, Effects& out) const {
  for (const Target& asked : request.asked) {
    DT_ASSERT(asked.node != target.node, "a target asked twice");
  }
  if (is_read(request.kind)) {
    impl_send(out, target.node, FetchRequest{request.request_id, request.key});
  } else {
    impl_send(out, target.node,
              StoreRequest{request.request_id, request.key, request.version, target.stands_for});
  }
  const bool fallback = target.stands_for != kNoNode;
  if (out.trace_wanted) {
    TraceRecord chosen = request_record(request, TraceKind::target_chosen, target.node);
    chosen.count = fallback ? 1 : 0;
    out.trace.push_back(std::move(chosen));
  }
  if (fallback) out.marks.push_back(CoverageMark::fallback_chosen);
  impl_arm(out, TimerKind::replica_timeout,
           request.request_id * tag_stride_ + target.node, config_.replica_timeout_ns);
  request.asked.push_back(target);
}

void ImplCoordinator::finish(const Pending& request, ClientReply reply, Effects& out) const {
  DT_ASSERT(reply.op_id == request.op_id, "reply for another op");
  DT_ASSERT((reply.status == ReplyStatus::ok) == reply.reason.empty(),
            "a failed reply needs a reason, an ok one has none");
  if (out.trace_wanted) {
    TraceRecord finished = request_record(request, TraceKind::request_finished, kNoNode);
    finished.detail = to_string(reply.status);
    finished.count = request.answered.size();
    // The merged answer's hash lets the read repair duty tell stale responders.
    if (is_read(request.kind) && reply.status == ReplyStatus::ok) {
      finished.extra = hash_siblings(reply.siblings);
    }
    out.trace.push_back(std::move(finished));
  }
  out.replies.push_back(std::move(reply));
}

ImplCoordinator::Pending* ImplCoordinator::find(RequestId request_id) {
  auto it = std::lower_bound(pending_.begin(), pending_.end(), request_id,
                             [](const Pending& p, RequestId id) { return p.request_id < id; });
  return (it != pending_.end() && it->request_id == request_id) ? &*it : nullptr;
}

void ImplCoordinator::erase(const Pending* request) {
  DT_ASSERT(request >= pending_.data() && request < pending_.data() + pending_.size(),
            "erasing a request that is not pending");
  pending_.erase(pending_.begin() + (request - pending_.data()));
}

bool ImplCoordinator::answered_by(const Pending& request, NodeId node) {
  DT_ASSERT(node != kNoNode, "asking whether nobody answered");
  return std::any_of(request.answered.begin(), request.answered.end(),
                     [&](const std::pair<NodeId, Siblings>& a) { return a.first == node; });
}

bool ImplCoordinator::record_answer(Pending& request, NodeId from, const Siblings* siblings) {
  const bool asked = std::any_of(request.asked.begin(), request.asked.end(),
                                 [&](const Target& t) { return t.node == from; });
  if (!asked) return false;
  auto it = std::lower_bound(
      request.answered.begin(), request.answered.end(), from,
      [](const std::pair<NodeId, Siblings>& a, NodeId node) { return a.first < node; });
  if (it != request.answered.end() && it->first == from) return false;  // duplicate
  request.answered.emplace(it, from, siblings ? *siblings : Siblings{});
  return true;
}

void ImplCoordinator::on_store_ack(NodeId from, const StoreAck& ack, Effects& out) {
  Pending* request = find(ack.request_id);
  if (!request) return;
  // Bug zoo (request_ids_reset_on_crash): an ack to a request from before a
  // crash that reused its id; only the sanity check of kind and key is left.
  if (bugs_.request_ids_reset_on_crash && (is_read(request->kind) || ack.key != request->key)) {
    return;
  }
  DT_ASSERT(!is_read(request->kind) && ack.key == request->key, "store ack for another request");
  if (!record_answer(*request, from, nullptr)) return;
  if (out.trace_wanted) {
    out.trace.push_back(request_record(*request, TraceKind::replica_replied, from));
  }
  size_t acks = request->answered.size();
  if (bugs_.duplicate_preference_node && answered_by(*request, request->asked.front().node)) {
    ++acks;  // Bug zoo: the twice-listed node's ack counts twice.
  }
  if (bugs_.write_quorum_off_by_one) ++acks;  // Bug zoo: done at W - 1 acks.
  if (acks < config_.write_quorum_w) return;
  finish(*request,
         ClientReply{request->op_id, ReplyStatus::ok, {}, request->version.clock(), ""}, out);
  erase(request);
}

void ImplCoordinator::on_fetch_reply(NodeId from, const FetchReply& reply, Effects& out) {
  Pending* request = find(reply.request_id);
  if (!request) return;
  if (bugs_.request_ids_reset_on_crash && (!is_read(request->kind) || reply.key != request->key)) {
    return;  // Bug zoo (request_ids_reset_on_crash), as in on_store_ack.
  }
  DT_ASSERT(is_read(request->kind) && reply.key == request->key,
            "fetch reply for another request");
  if (!record_answer(*request, from, &reply.siblings)) return;
  if (out.trace_wanted) {
    TraceRecord replied = request_record(*request, TraceKind::replica_replied, from);
    replied.extra = hash_siblings(reply.siblings);
    out.trace.push_back(std::move(replied));
  }
  if (request->answered.size() < config_.read_quorum_r) return;
  complete_get(*request, out);
  erase(request);
}

void ImplCoordinator::complete_get(const Pending& request, Effects& out) {
  Siblings merged;
  for (const auto& [responder, siblings] : request.answered) {
    merge_siblings_into(merged, siblings, config_.versioning, merge_scratch_,
                        bugs_.vclock_reset_after_wipe ? DotCollision::keep_incoming
                                                      : DotCollision::impossible);
    if (merge_scratch_.changed) merged = merge_scratch_.materialize();
    if (bugs_.get_ignores_later_replies) break;  // Bug zoo: the first reply only.
  }
  if (bugs_.get_unions_without_pruning) merged = union_by_dot(request.answered);
  DT_ASSERT(request.answered.size() == config_.read_quorum_r, "get completed off quorum");
  VClock context = context_of(merged);
  finish(request, ClientReply{request.op_id, ReplyStatus::ok, merged, std::move(context), ""},
         out);
  if (bugs_.no_read_repair) return;  // Bug zoo: stale responders are never repaired.
  Siblings repair = merged;
  // Bug zoo: tombstones left out of the repair; nothing sent when only they differ.
  if (bugs_.read_repair_skips_tombstones) {
    std::erase_if(repair, [](const Version& v) { return v.tombstone; });
  }
  const uint64_t repair_hash = out.trace_wanted ? hash_siblings(repair) : 0;
  for (const auto& [responder, siblings] : request.answered) {
    if (siblings == merged || !placement_->is_home(responder, request.partition)) continue;
    if (bugs_.read_repair_skips_tombstones && siblings == repair) continue;
    impl_send(out, responder, RepairWrite{request.key, repair});
    if (out.trace_wanted) {
      TraceRecord sent = request_record(request, TraceKind::read_repair_sent, responder);
      sent.extra = repair_hash;
      out.trace.push_back(std::move(sent));
    }
    if (!bugs_.test_divergence) out.marks.push_back(CoverageMark::read_repair);
  }
}

void ImplCoordinator::on_replica_timeout(uint64_t tag, PeerView& peers, Effects& out) {
  const RequestId request_id = tag / tag_stride_;
  const auto target = static_cast<NodeId>(tag % tag_stride_);
  Pending* request = find(request_id);
  if (!request) return;
  auto timed_out = std::find_if(request->asked.begin(), request->asked.end(),
                                [&](const Target& t) { return t.node == target; });
  DT_ASSERT(timed_out != request->asked.end(), "replica timeout for a target never asked");
  for (const auto& answer : request->answered) {
    if (answer.first == target) return;
  }
  const NodeId stands_for =
      timed_out->stands_for != kNoNode ? timed_out->stands_for : timed_out->node;
  peers.suspect(target, out);
  const bool strict = config_.quorum_mode == QuorumMode::strict;
  // Bug zoo (strict_fallback_counts): strict mode retargets like sloppy mode,
  // but with no hint, so the fallback's ack counts as a home ack.
  if (strict && !bugs_.strict_fallback_counts) return;
  RingCursor walk(*placement_, request->partition);
  for (uint32_t home = 0; home < config_.replicas_n; ++home) walk.next();
  for (NodeId candidate = walk.next(); candidate != kNoNode; candidate = walk.next()) {
    const bool tried = std::any_of(request->asked.begin(), request->asked.end(),
                                   [&](const Target& t) { return t.node == candidate; });
    if (tried || peers.is_suspected(candidate)) continue;
    ask(*request, Target{candidate, strict ? kNoNode : stands_for}, out);
    return;
  }
}

void ImplCoordinator::on_deadline(RequestId request_id, Effects& out) {
  Pending* request = find(request_id);
  if (!request) return;
  DT_ASSERT(request->answered.size() < quorum(request->kind), "a request at quorum pending");
  const bool read = is_read(request->kind);
  std::string reason = fmt::format("deadline: {} of {} {}", request->answered.size(),
                                   quorum(request->kind), read ? "replies" : "acks");
  finish(*request,
         ClientReply{request->op_id, read ? ReplyStatus::fail : ReplyStatus::timeout, {}, {},
                     std::move(reason)},
         out);
  out.marks.push_back(CoverageMark::request_timeout);
  erase(request);
}

void ImplCoordinator::fingerprint(Hasher& h) const {
  h.add_u64(pending_.size());
  for (const Pending& request : pending_) {
    add_request(h, request.request_id, request.op_id, static_cast<uint64_t>(request.kind),
                request.key, request.version);
    h.add_u64(request.asked.size());
    for (const Target& t : request.asked) add_target(h, t.node, t.stands_for);
    h.add_u64(request.answered.size());
    for (const auto& [responder, siblings] : request.answered) add_answer(h, responder, siblings);
  }
}

void ImplCoordinator::add_pending_to(NodeStateDigest& digest) const {
  digest.pending_count(pending_.size());
  for (const Pending& request : pending_) {
    digest.pending_request(
        request.request_id, request.op_id, request.key,
        sorted_ids_digest(request.asked, [](const Target& t) { return t.node; }),
        sorted_ids_digest(request.answered, [](const auto& answer) { return answer.first; }));
  }
}

std::vector<PendingRequestState> ImplCoordinator::pending_states() const {
  std::vector<PendingRequestState> states;
  states.reserve(pending_.size());
  for (const Pending& request : pending_) {
    PendingRequestState state{request.request_id, request.op_id, request.key, {}, {}};
    for (const Target& t : request.asked) state.targets.push_back(t.node);
    std::sort(state.targets.begin(), state.targets.end());
    for (const auto& answer : request.answered) state.answered.push_back(answer.first);
    states.push_back(std::move(state));
  }
  DT_ASSERT(states.size() == pending_.size(), "pending view lost a request");
  return states;
}

}  // namespace dt
