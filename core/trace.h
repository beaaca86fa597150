// Replica trace records: what each node did to its stores and who answered
// which request. Nodes emit them as effects; the simulator stamps the time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"
#include "core/version.h"

namespace dt {

enum class TraceKind {
  // Coordinator side of a client request.
  request_started,   // op_id, key, detail = "put"/"get"/"delete"
  target_chosen,     // peer = target, count = 1 if it is a fallback, key; coordinator
                     // records of a write carry its write_id and, from here on, its dot
  replica_replied,   // peer answered request op_id (a quorum member); for a get,
                     // extra = hash_siblings of the reply
  request_finished,  // op_id, detail = "ok"/"fail"/"timeout", count = acks/replies; for an
                     // ok get, extra = hash_siblings of the merged answer
  // Replica side.
  stored,            // version (write_id, clock) merged into the main store
  hinted,            // kept in the hint store for intended node `peer`
  handoff_offered,   // holder offered hints to `peer`, count = entries
  handed_off,        // intended node stored a hinted version from holder `peer`
  handoff_covered,   // intended node acked a hinted version from holder `peer` that its
                     // main store already covered (nothing stored); recorded when the ack
                     // is sent, so a later wipe cannot make the ack look dishonest
  hint_deleted,      // holder deleted the hint for `peer` after its ack
  repaired,          // read repair stored a version from coordinator `peer`
  superseded,        // a merge dropped this main-store version (a newer one superseded it,
                     // or it lost under LWW); extra = a surviving write id that replaced it
  hint_superseded,   // the same inside the hint store for intended node `peer`
  anti_entropy_stored,  // a Merkle exchange stored a version from `peer`
  merkle_exchange,   // exchange finished: peer, partition, count = hash comparisons,
                     // keys = keys transferred (in `extra`)
  // Failure detector.
  suspected,         // this node now believes `peer` down
  trusted,           // this node now believes `peer` up
  // Losses and faults (emitted by nodes on crash/wipe, by the simulator).
  lost_on_crash,     // a volatile hint (write_id, for `peer`) lost on crash
  lost_on_wipe,      // a version lost when the disk was wiped
  crashed,
  restarted,
  wiped,
  paused,
  resumed,
  // Network faults (node = kNoNode; emitted by the simulator).
  partitioned,       // detail = groups, e.g. "0,1|2,3,4"
  healed,            // partitions and link faults cleared
  link_changed,      // node -> peer: count = drop ppm, extra = duplicate ppm,
                     // detail = "delay=MIN..MAX"
  // Mechanism duties (checks/mechanisms.h), recorded by the node that acts.
  read_repair_sent,  // get coordinator sent RepairWrite to responder `peer` for op_id, key;
                     // extra = hash_siblings of the repair
  merkle_exchange_started,  // anti-entropy round began an exchange with `peer`, partition
  clock_skewed,      // must stay last; node's clock now off by detail = skew in ns
};

const char* to_string(TraceKind kind);
std::optional<TraceKind> parse_trace_kind(std::string_view text);

struct TraceRecord {
  TimeNs time_ns = 0;   // stamped by the simulator
  NodeId node = kNoNode;
  TraceKind kind = TraceKind::stored;
  NodeId peer = kNoNode;
  Key key = 0;
  uint64_t op_id = 0;       // client op id (coordinator records)
  WriteId write_id = 0;     // the version concerned
  Dot dot;                  // its dot
  uint32_t partition = 0;
  uint64_t count = 0;       // kind-specific (see TraceKind)
  uint64_t extra = 0;       // kind-specific
  bool tombstone = false;
  std::string detail;       // short, kind-specific

  friend bool operator==(const TraceRecord&, const TraceRecord&) = default;
};

// A `superseded` or `hint_superseded` record for a dropped version (model and
// impl both build them here, so they compare equal).
TraceRecord dropped_record(NodeId self, TraceKind kind, NodeId peer, Key key,
                           const DroppedVersion& dropped);

}  // namespace dt
