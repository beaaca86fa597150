// Builders for the effects the impl emits, filled exactly the way the model
// fills them (docs/protocol.md, Conventions), so records compare equal.
#pragma once

#include <utility>

#include "core/node.h"

namespace dt {

inline TraceRecord impl_record(NodeId self, TraceKind kind, NodeId peer = kNoNode) {
  TraceRecord record;
  record.node = self;
  record.kind = kind;
  record.peer = peer;
  return record;
}

// A record about one version of `key`.
inline TraceRecord impl_version_record(NodeId self, TraceKind kind, NodeId peer, Key key,
                                       const Version& version) {
  TraceRecord record = impl_record(self, kind, peer);
  record.key = key;
  record.write_id = version.write_id;
  record.dot = version.dot;
  record.tombstone = version.tombstone;
  return record;
}

inline void impl_send(Effects& out, NodeId to, Message message) {
  out.sends.push_back(Outgoing{to, std::move(message)});
}
inline void impl_arm(Effects& out, TimerKind kind, uint64_t tag, TimeNs delay_ns) {
  out.timers.push_back(TimerRequest{kind, tag, delay_ns});
}

}  // namespace dt
