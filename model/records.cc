#include "model/records.h"

#include "core/assert.h"

namespace dt {

TraceRecord make_record(NodeId self, TraceKind kind, NodeId peer) {
  DT_ASSERT(self != kNoNode, "trace record without a node");
  TraceRecord record;
  record.node = self;
  record.kind = kind;
  record.peer = peer;
  return record;
}

TraceRecord version_record(NodeId self, TraceKind kind, NodeId peer, Key key,
                           const Version& version) {
  DT_ASSERT(version.dot.counter > 0, "trace record for a version without a dot");
  TraceRecord record = make_record(self, kind, peer);
  record.key = key;
  record.write_id = version.write_id;
  record.dot = version.dot;
  record.tombstone = version.tombstone;
  return record;
}

}  // namespace dt
