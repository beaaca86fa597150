// The replica side of writes: merging versions into the main store or the
// hint store and reporting what was newly stored (trace + coverage marks).
// Every path that stores data (client write, read repair, handoff,
// anti-entropy) goes through here so the reports are uniform.
#pragma once

#include "core/node.h"
#include "model/hint_store.h"
#include "model/store.h"

namespace dt {

// Merges `incoming` for `key` into `main_store`. Emits, in order: one `kind`
// record per newly stored version (peer = from, canonical order); then marks
// sibling_created, lww_overwrite (when set), and tombstone_stored once per
// newly stored tombstone.
MergeResult merge_into_main(NodeId self, NodeId from, TraceKind kind, Key key,
                            const Siblings& incoming, VersionStore& main_store,
                            Versioning versioning, Effects& out);

// Keeps `version` in the hint store for `intended`. Emits a `hinted` record
// per newly stored version (peer = intended, extra = from); then marks
// sibling_created, lww_overwrite (when set), and hint_stored per newly stored.
MergeResult merge_into_hints(NodeId self, NodeId from, NodeId intended, Key key,
                             const Version& version, HintStore& hints, Versioning versioning,
                             Effects& out);

// A StoreRequest at this replica: hinted -> hint store, else main store;
// then a StoreAck to the sender.
void handle_store_request(NodeId self, NodeId from, const StoreRequest& request,
                          VersionStore& main_store, HintStore& hints, Versioning versioning,
                          Effects& out);

}  // namespace dt
