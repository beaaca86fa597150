// Hinted handoff. A round offers, to each intended node this node holds hints
// for and does not suspect, all of those hints in one HandoffOffer. The
// intended node merges them into its main store and acks exactly the entries
// it now holds durably; the holder then deletes exactly those hints.
#pragma once

#include <cstdint>

#include "core/node.h"
#include "model/failure_detector.h"
#include "model/hint_store.h"
#include "model/store.h"

namespace dt {

// One handoff round. Each offer takes a fresh id from `next_id`. The caller
// re-arms the periodic handoff timer.
void handoff_round(NodeId self, const HintStore& hints, const FailureDetector& detector,
                   uint64_t& next_id, Effects& out);
// At the intended node: merge every entry (offer order) into the main store,
// then ack all of them.
void accept_handoff_offer(NodeId self, NodeId holder, const HandoffOffer& offer,
                          VersionStore& main_store, Versioning versioning, Effects& out);
// At the holder: delete exactly the acked hints still held for `intended`.
void accept_handoff_ack(NodeId self, NodeId intended, const HandoffAck& ack, HintStore& hints,
                        Effects& out);

}  // namespace dt
