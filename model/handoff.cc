#include "model/handoff.h"

#include <utility>

#include "core/assert.h"
#include "model/records.h"
#include "model/replica.h"

namespace dt {

void handoff_round(NodeId self, const HintStore& hints, const FailureDetector& detector,
                   uint64_t& next_id, Effects& out) {
  for (NodeId intended : hints.intended_nodes()) {
    DT_ASSERT(intended != self, "holding hints for itself");
    if (detector.is_suspected(intended)) continue;
    HandoffOffer offer{next_id++, hints.entries_for(intended)};
    DT_ASSERT(!offer.entries.empty(), "empty handoff offer");
    TraceRecord offered = make_record(self, TraceKind::handoff_offered, intended);
    offered.count = offer.entries.size();
    emit(out, std::move(offered));
    send(out, intended, std::move(offer));
  }
}

void accept_handoff_offer(NodeId self, NodeId holder, const HandoffOffer& offer,
                          VersionStore& main_store, Versioning versioning, Effects& out) {
  DT_ASSERT(holder != self, "handoff offer from itself");
  for (const HintedEntry& entry : offer.entries) {
    const MergeResult result = merge_into_main(self, holder, TraceKind::handed_off, entry.key,
                                               {entry.version}, main_store, versioning, out);
    for (size_t i = 0; i < result.newly_stored.size(); ++i) {
      mark(out, CoverageMark::hint_handed_off);
    }
    // Acked below without storing anything: say so now, at send time, so the
    // ack's honesty is judged on the state it was made in.
    if (result.newly_stored.empty()) {
      emit(out, version_record(self, TraceKind::handoff_covered, holder, entry.key,
                               entry.version));
    }
  }
  // Every entry is now covered by the main store (stored, already present,
  // superseded, or resolved by LWW), so all of them are acked.
  send(out, holder, HandoffAck{offer.batch_id, offer.entries});
  DT_ASSERT(!out.sends.empty(), "handoff offer left unacknowledged");
}

void accept_handoff_ack(NodeId self, NodeId intended, const HandoffAck& ack, HintStore& hints,
                        Effects& out) {
  DT_ASSERT(intended != self, "handoff ack from itself");
  for (const HintedEntry& entry : ack.stored) {
    if (!hints.remove(intended, entry.key, entry.version.dot)) continue;
    emit(out, version_record(self, TraceKind::hint_deleted, intended, entry.key, entry.version));
  }
  for (const HintedEntry& entry : ack.stored) {
    DT_ASSERT(!hints.contains(intended, entry.key, entry.version.dot),
              "an acked hint survived its ack");
  }
}

}  // namespace dt
