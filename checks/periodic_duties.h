// The periodic mechanism duties, judged from a node's own records and the
// config's timer periods. A node's handoff (anti-entropy) timer fires every
// interval while it is up and not paused, so a stretch of its running time
// longer than the interval holds a round, and anti-entropy visits each of its
// (partition, peer) pairs once every `pairs` rounds.
//
// - `handoff_missing`: a holder running, holding hints for I and not
//   suspecting I for longer than handoff_interval_ns made no handoff_offered
//   to I. `handoff_incomplete`: an offer to I whose count differs from the
//   hints the holder's records say it held for I then.
// - `anti_entropy_missing`: a node running with home partitions and no
//   exchange peer suspected for longer than anti_entropy_interval_ns started
//   no exchange; or one that trusted peer P for longer than pairs x interval
//   started no exchange with P on some partition they share.
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

// Appends the duties' violations to `verdict`; returns how many duties it judged.
size_t check_periodic_duties(const CheckContext& context, PropertyVerdict& verdict);

}  // namespace dt
