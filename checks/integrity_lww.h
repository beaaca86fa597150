// The LWW part of the integrity property (see checks/integrity.h and
// docs/properties.md): final stores and get answers against the versions the
// replicas involved held, judged by chains of the merge rule (checks/lww_order.h).
#pragma once

#include "checks/check_context.h"
#include "checks/verdict.h"

namespace dt {

struct LwwIntegrityCounts {
  size_t stores_checked = 0;   // (node, key) final main stores
  size_t replies_checked = 0;  // (get, replica) pairs with a version held throughout
  size_t timestamp_disagreements = 0;
};

// REQUIRES: ctx.input.config.versioning == Versioning::lww
LwwIntegrityCounts check_lww_integrity(const CheckContext& ctx, PropertyVerdict& verdict);

}  // namespace dt
