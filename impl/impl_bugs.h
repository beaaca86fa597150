// Named bugs the impl can be built with, resolved once at construction into
// plain bools so the hot path pays one predictable branch per check. The bug
// zoo adds a field here and a name in resolve_impl_bugs().
#pragma once

#include "core/node.h"

namespace dt {

struct ImplBugs {
  // Test only: a read repair omits its `read_repair` mark, so lockstep must
  // report a divergence at the FetchReply that completed the get.
  bool test_divergence = false;
};

// Unknown names are ignored here; schedules validate bug names elsewhere.
inline ImplBugs resolve_impl_bugs(const BugSet& bugs) {
  ImplBugs flags;
  flags.test_divergence = bugs.count("test-divergence") > 0;
  return flags;
}

}  // namespace dt
