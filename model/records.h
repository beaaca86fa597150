// Small builders for the trace records and effects every model piece emits,
// so each record kind is filled the same way everywhere.
#pragma once

#include <utility>

#include "core/node.h"

namespace dt {

TraceRecord make_record(NodeId self, TraceKind kind, NodeId peer = kNoNode);
// A record about one version of `key`: write_id, dot and tombstone filled in.
TraceRecord version_record(NodeId self, TraceKind kind, NodeId peer, Key key,
                           const Version& version);

inline void emit(Effects& out, TraceRecord record) {
  out.trace.push_back(std::move(record));
}
inline void mark(Effects& out, CoverageMark coverage) {
  out.marks.push_back(coverage);
}
inline void send(Effects& out, NodeId to, Message message) {
  out.sends.push_back(Outgoing{to, std::move(message)});
}
inline void arm(Effects& out, TimerKind kind, uint64_t tag, TimeNs delay_ns) {
  out.timers.push_back(TimerRequest{kind, tag, delay_ns});
}

}  // namespace dt
