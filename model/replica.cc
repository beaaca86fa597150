#include "model/replica.h"

#include "core/assert.h"
#include "model/records.h"

namespace dt {

namespace {

void mark_merge_flags(const MergeResult& result, Effects& out) {
  if (result.sibling_created) mark(out, CoverageMark::sibling_created);
  if (result.lww_overwrite) mark(out, CoverageMark::lww_overwrite);
}

}  // namespace

MergeResult merge_into_main(NodeId self, NodeId from, TraceKind kind, Key key,
                            const Siblings& incoming, VersionStore& main_store,
                            Versioning versioning, Effects& out) {
  DT_ASSERT(kind == TraceKind::stored || kind == TraceKind::repaired ||
                kind == TraceKind::handed_off || kind == TraceKind::anti_entropy_stored,
            "main-store merge reported under a non-storing trace kind");
  MergeResult result = main_store.merge(key, incoming, versioning);
  for (const Version& v : result.newly_stored) {
    emit(out, version_record(self, kind, from, key, v));
  }
  for (const DroppedVersion& gone : result.dropped) {
    emit(out, dropped_record(self, TraceKind::superseded, kNoNode, key, gone));
  }
  mark_merge_flags(result, out);
  for (const Version& v : result.newly_stored) {
    if (v.tombstone) mark(out, CoverageMark::tombstone_stored);
  }
  DT_ASSERT(result.merged == main_store.get(key) || incoming.empty(),
            "store does not hold the merge result");
  return result;
}

MergeResult merge_into_hints(NodeId self, NodeId from, NodeId intended, Key key,
                             const Version& version, HintStore& hints, Versioning versioning,
                             Effects& out) {
  DT_ASSERT(intended != self, "a node holding a hint for itself");
  MergeResult result = hints.add(intended, key, version, versioning);
  for (const Version& v : result.newly_stored) {
    TraceRecord record = version_record(self, TraceKind::hinted, intended, key, v);
    record.extra = from;
    emit(out, std::move(record));
  }
  for (const DroppedVersion& gone : result.dropped) {
    emit(out, dropped_record(self, TraceKind::hint_superseded, intended, key, gone));
  }
  mark_merge_flags(result, out);
  for (size_t i = 0; i < result.newly_stored.size(); ++i) mark(out, CoverageMark::hint_stored);
  DT_ASSERT(result.newly_stored.size() <= 1, "one hinted version stored more than one");
  return result;
}

void handle_store_request(NodeId self, NodeId from, const StoreRequest& request,
                          VersionStore& main_store, HintStore& hints, Versioning versioning,
                          Effects& out) {
  DT_ASSERT(request.version.dot.counter > 0, "store request without a dot");
  if (request.hint_for != kNoNode) {
    merge_into_hints(self, from, request.hint_for, request.key, request.version, hints, versioning,
                     out);
  } else {
    merge_into_main(self, from, TraceKind::stored, request.key, {request.version}, main_store,
                    versioning, out);
  }
  send(out, from, StoreAck{request.request_id, request.key});
  DT_ASSERT(!out.sends.empty(), "store request left unacknowledged");
}

}  // namespace dt
